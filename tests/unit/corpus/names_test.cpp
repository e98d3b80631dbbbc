// Tests for include/crosscheck/corpus/names.hpp and detail/fold.hpp: exact interning, case-folded
// names (§3: "simple Unicode case folding is enough"), UTF-8 validation.
#include <crosscheck/corpus/names.hpp>
#include <crosscheck/detail/fold.hpp>

#include <crosscheck/testing/catch2.hpp>  // Catch and its StringMakers for crosscheck types, alike in every file (ODR)

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace std::string_view_literals;

namespace {
/// Id n of a table numbered by symbol (the tests know the numbering: dense, in order).
constexpr crosscheck::symbol sym(std::uint32_t n) {
    return crosscheck::symbol{n};
}
}  // namespace

TEST_CASE("symbol_table interns exactly", "[symbols]") {
    crosscheck::symbol_table t;
    CHECK(t.size() == 0);
    CHECK_FALSE(t.find("a").has_value());  // empty table
    CHECK(t.intern("a") == sym(0));
    CHECK(t.intern("b") == sym(1));
    CHECK(t.intern("a") == sym(0));
    CHECK(t.intern("A") == sym(2));  // exact: case matters
    CHECK(t.size() == 3);
    CHECK(t.find("b") == std::optional<crosscheck::symbol>{sym(1)});
    CHECK(t.find("A") == std::optional<crosscheck::symbol>{sym(2)});
    CHECK_FALSE(t.find("c").has_value());
    CHECK(t.str(sym(0)) == "a");
    CHECK(t.str(sym(1)) == "b");
    CHECK(t.str(sym(2)) == "A");
    CHECK(t.str(crosscheck::no_symbol).empty());
}

TEST_CASE("symbol_table: many strings force rehashing; ids stay dense and texts stay put", "[symbols]") {
    crosscheck::symbol_table t;
    t.intern("first");
    const std::string_view first_view = t.str(sym(0));
    const char* first_data = first_view.data();
    const std::uint32_t n = 100000;
    for (std::uint32_t i = 1; i < n; ++i) {
        auto id = t.intern("key-" + std::to_string(i));
        if (id != sym(i)) {
            FAIL("id " << crosscheck::to_index(id) << " for string " << i);
        }
    }
    CHECK(t.size() == n);
    // Every string is found again under its id, and re-interning adds nothing.
    std::uint32_t wrong = 0;
    for (std::uint32_t i = 1; i < n; ++i) {
        const std::string s = "key-" + std::to_string(i);
        if (t.find(s) != std::optional<crosscheck::symbol>{sym(i)} || t.str(sym(i)) != s || t.intern(s) != sym(i))
            ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(t.size() == n);
    CHECK_FALSE(t.find("key-0").has_value());
    CHECK_FALSE(t.find("key-" + std::to_string(n)).has_value());
    // Texts live in an arena: views handed out earlier still point at the same bytes.
    CHECK(t.str(sym(0)).data() == first_data);
    CHECK(first_view == "first");
    CHECK(t.memory_bytes() > 0);
}

TEST_CASE("symbol_table: NUL bytes and long strings", "[symbols]") {
    crosscheck::symbol_table t;
    auto a = t.intern("a");
    auto anb = t.intern("a\0b"sv);
    auto anc = t.intern("a\0c"sv);
    auto nul = t.intern("\0"sv);
    CHECK(anb != a);
    CHECK(anc != anb);
    CHECK(nul != a);
    CHECK(t.str(anb) == "a\0b"sv);
    CHECK(t.str(anb).size() == 3);
    CHECK(t.find("a\0c"sv) == std::optional<crosscheck::symbol>{anc});
    CHECK(t.find("a") == std::optional<crosscheck::symbol>{a});
    // Longer than one arena chunk (64 KiB) and exactly 8-byte multiples (the hash's word loop).
    const std::string big(200000, 'x');
    auto b = t.intern(big);
    CHECK(t.str(b) == big);
    auto e8 = t.intern("12345678");
    auto e16 = t.intern("1234567812345678");
    CHECK(e8 != e16);
    CHECK(t.str(e16) == "1234567812345678");
}

TEST_CASE("symbol_table: the empty string", "[symbols]") {
    SECTION("after other strings") {
        crosscheck::symbol_table t;
        t.intern("x");
        auto e = t.intern("");
        CHECK(e == sym(1));
        CHECK(t.str(e).empty());
        CHECK(t.intern(std::string_view{}) == e);
        CHECK(t.find("") == std::optional<crosscheck::symbol>{e});
    }
    SECTION("as the very first string of a table") {
        crosscheck::symbol_table t;
        auto e = t.intern("");
        CHECK(e == sym(0));
        CHECK(t.str(e).empty());
        CHECK(t.intern("y") == sym(1));
        CHECK(t.str(sym(1)) == "y");
    }
    SECTION("a default-constructed string_view first") {
        crosscheck::symbol_table t;
        auto e = t.intern(std::string_view{});
        CHECK(e == sym(0));
        CHECK(t.intern("") == e);
    }
}

TEST_CASE("symbol_table copies are independent and keep ids", "[symbols]") {
    auto original = std::make_unique<crosscheck::symbol_table>();
    original->intern("alpha");
    original->intern("beta");
    crosscheck::symbol_table copy = *original;
    crosscheck::symbol_table assigned;
    assigned.intern("zzz");
    assigned = *original;
    original.reset();  // the copies must not point into the original's arena
    for (auto* t : {&copy, &assigned}) {
        CHECK(t->size() == 2);
        CHECK(t->str(sym(0)) == "alpha");
        CHECK(t->str(sym(1)) == "beta");
        CHECK(t->find("beta") == std::optional<crosscheck::symbol>{sym(1)});
        CHECK_FALSE(t->find("zzz").has_value());
    }
    copy.intern("gamma");
    CHECK(assigned.size() == 2);
    CHECK_FALSE(assigned.find("gamma").has_value());
    auto& self = copy;
    copy = self;  // self-assignment keeps the contents
    CHECK(copy.size() == 3);
    CHECK(copy.str(sym(2)) == "gamma");
    crosscheck::symbol_table moved = std::move(copy);
    CHECK(moved.str(sym(2)) == "gamma");
    CHECK(moved.find("alpha") == std::optional<crosscheck::symbol>{sym(0)});
}

TEST_CASE("name_table folds case", "[symbols][names]") {
    struct row {
        const char* a;
        const char* b;
    };
    auto r = GENERATE(values<row>({
        {"ByteDance", "bytedance"},
        {"BYTEDANCE", "bytedance"},
        {"Ärger", "ärger"},      // Latin-1
        {"ÀÉÎÕÜÝÞ", "àéîõüýþ"},  // Latin-1 capitals C0-DE
        {"ΣΟΦΙΑ", "σοφια"},      // Greek
        {"ΑΩ", "αω"},
        {"Дом", "дом"},    // Cyrillic
        {"ЁЛКА", "ёлка"},  // Cyrillic 0x400-0x40F
        {"ЯБЛОКО", "яблоко"},
        {"ŁÓDŹ", "łódź"},    // Latin Extended-A, odd capitals
        {"ŐRSÉG", "őrség"},  // Latin Extended-A, even capitals
        {"ŽIŽKOV", "žižkov"},
        {"ĞÜŞ", "ğüş"},
        {"Č", "č"},
    }));
    CAPTURE(r.a, r.b);
    crosscheck::name_table n;
    auto a = n.intern(r.a);
    auto b = n.intern(r.b);
    CHECK(a == b);
    CHECK(n.size() == 1);
    CHECK(n.display(a) == r.a);  // the first spelling is kept
    CHECK(n.folded(a) == r.b);   // the folded text is the lower-case spelling
    CHECK(n.find(r.a) == std::optional<crosscheck::symbol>{a});
    CHECK(n.find(r.b) == std::optional<crosscheck::symbol>{a});
}

TEST_CASE("name_table keeps distinct names apart", "[symbols][names]") {
    crosscheck::name_table n;
    auto a = n.intern("a");
    auto b = n.intern("b");
    auto ss = n.intern("ss");
    auto sz = n.intern("ß");  // simple folding leaves ß alone
    auto dotless = n.intern("ı");
    auto i = n.intern("i");
    auto times = n.intern("×");  // U+00D7 is not a letter
    auto div = n.intern("÷");
    CHECK(a != b);
    CHECK(ss != sz);
    CHECK(dotless != i);
    CHECK(times != div);
    CHECK(n.size() == 8);
    CHECK(n.folded(times) == "×");
    CHECK_FALSE(n.find("c").has_value());
    CHECK(n.display(crosscheck::no_symbol).empty());
}

TEST_CASE("name_table: first spelling wins", "[symbols][names]") {
    crosscheck::name_table n;
    auto x = n.intern("bytedance");
    CHECK(n.intern("ByteDance") == x);
    CHECK(n.intern("BYTEDANCE") == x);
    CHECK(n.display(x) == "bytedance");
    auto y = n.intern("Moore Threads");
    CHECK(n.intern("moore threads") == y);
    CHECK(n.display(y) == "Moore Threads");
    CHECK(n.folded(y) == "moore threads");
}

TEST_CASE("name_table copies stay valid", "[symbols][names]") {
    auto original = std::make_unique<crosscheck::name_table>();
    original->intern("ByteDance");
    original->intern("alibaba");
    original->intern("Дом");
    crosscheck::name_table copy = *original;
    crosscheck::name_table assigned;
    assigned = *original;
    original.reset();
    for (auto* n : {&copy, &assigned}) {
        CHECK(n->size() == 3);
        CHECK(n->display(sym(0)) == "ByteDance");
        CHECK(n->folded(sym(0)) == "bytedance");
        CHECK(n->display(sym(1)) == "alibaba");
        CHECK(n->display(sym(2)) == "Дом");
        CHECK(n->folded(sym(2)) == "дом");
        CHECK(n->find("BYTEDANCE") == std::optional<crosscheck::symbol>{sym(0)});
        CHECK(n->intern("ДОМ") == sym(2));
    }
    CHECK(copy.intern("new") == sym(3));
    CHECK_FALSE(assigned.find("new").has_value());
    crosscheck::name_table moved = std::move(copy);
    CHECK(moved.display(sym(0)) == "ByteDance");
    CHECK(moved.find("NEW") == std::optional<crosscheck::symbol>{sym(3)});
}

TEST_CASE("name_table: many mixed-case names", "[symbols][names]") {
    crosscheck::name_table n;
    const std::uint32_t count = 20000;
    for (std::uint32_t i = 0; i < count; ++i) CHECK(n.intern("Name-" + std::to_string(i)) == sym(i));
    std::uint32_t wrong = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::string s = std::to_string(i);
        if (n.intern("NAME-" + s) != sym(i) || n.display(sym(i)) != "Name-" + s || n.folded(sym(i)) != "name-" + s)
            ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(n.size() == count);
}

TEST_CASE("fold", "[symbols][fold]") {
    using crosscheck::detail::fold;
    CHECK(fold("").empty());
    CHECK(fold("Hello, World 123") == "hello, world 123");
    CHECK(fold("@[`{") == "@[`{");  // the neighbours of A-Z and a-z are not letters
    CHECK(fold("ÄÖÜ") == "äöü");
    CHECK(fold("ΣΟΦΙΑ") == "σοφια");
    CHECK(fold("日本語") == "日本語");  // no case
    CHECK(fold("😀X") == "😀x");          // 4-byte sequences pass through
    CHECK(crosscheck::detail::is_folded("abc-123"));
    CHECK_FALSE(crosscheck::detail::is_folded("abC"));
    CHECK_FALSE(crosscheck::detail::is_folded("ä"));  // any non-ASCII byte takes the slow path
}

TEST_CASE("fold leaves bytes that are not valid UTF-8 unchanged", "[symbols][fold]") {
    using crosscheck::detail::fold;
    struct row {
        std::string_view in, out;
    };
    auto r = GENERATE(values<row>({
        {"\xFF"sv, "\xFF"sv},
        {"A\x80"
         "B"sv,
         "a\x80"
         "b"sv},                         // stray continuation byte
        {"\xC0\xAF"sv, "\xC0\xAF"sv},    // C0 is never a lead byte
        {"\xC3"sv, "\xC3"sv},            // truncated at the end
        {"X\xE2\x82"sv, "x\xE2\x82"sv},  // truncated 3-byte sequence
        {"\xC3"
         "A"sv,
         "\xC3"
         "a"sv},  // lead byte followed by ASCII
        {"\xF8\x88\x80\x80\x80"sv, "\xF8\x88\x80\x80\x80"sv},
    }));
    CAPTURE(r.in);
    CHECK(fold(r.in) == r.out);
}

TEST_CASE("fold leaves overlong encodings unchanged", "[symbols][fold]") {
    // An overlong encoding is not valid UTF-8, so it must be copied, not decoded: otherwise
    // "\xE0\x81\x81" (an overlong 'A') folds to "a" and a malformed name matches a real one.
    using crosscheck::detail::fold;
    CHECK(fold("\xE0\x81\x81"sv) == "\xE0\x81\x81"sv);
    CHECK(fold("\xF0\x80\x81\x81"sv) == "\xF0\x80\x81\x81"sv);
    CHECK(fold("\xE0\x80\x80"sv) == "\xE0\x80\x80"sv);  // must not become a NUL byte
    crosscheck::name_table n;
    CHECK(n.intern("\xE0\x81\x81"
                   "cme") != n.intern("acme"));
}

TEST_CASE("name_table: simple case folding beyond the basic pairs", "[symbols][names]") {
    // Unicode CaseFolding.txt (status C/S) maps each of these to the second spelling.
    struct row {
        const char* a;
        const char* b;
    };
    auto r = GENERATE(values<row>({
        {"Ÿ", "ÿ"},                // U+0178 -> U+00FF (not U+0179)
        {"ΚΥΡΙΑΚΟΣ", "κυριακος"},  // final sigma U+03C2 folds to U+03C3
        {"ΟΔΟΣ", "οδος"},
    }));
    CAPTURE(r.a, r.b);
    crosscheck::name_table n;
    CHECK(n.intern(r.a) == n.intern(r.b));
}

TEST_CASE("name_table: Greek capitals with tonos fold to their small letters", "[symbols][names][regression]") {
    // CaseFolding.txt: 0386 -> 03AC, 0388-038A -> 03AD-03AF, 038C -> 03CC, 038E-038F -> 03CD-03CE.
    // Regression: fold_code_point used to cover only 0391-03AB.
    struct row {
        const char* a;
        const char* b;
    };
    auto r = GENERATE(values<row>({
        {"Ά", "ά"},
        {"Έ", "έ"},
        {"ΉΡΑ", "ήρα"},
        {"Ί", "ί"},
        {"Ό", "ό"},
        {"Ύ", "ύ"},
        {"Ώ", "ώ"},
    }));
    CAPTURE(r.a, r.b);
    crosscheck::name_table n;
    CHECK(n.intern(r.a) == n.intern(r.b));
}

TEST_CASE("find_invalid_utf8", "[symbols][utf8]") {
    using crosscheck::detail::find_invalid_utf8;
    constexpr auto npos = std::string_view::npos;
    struct row {
        std::string_view text;
        std::size_t bad;
    };
    auto r = GENERATE(values<row>({
        {""sv, npos},
        {"abc"sv, npos},
        {"Ä日本😀"sv, npos},
        {"\x7F"sv, npos},
        {"\xC2\x80"sv, npos},          // U+0080, smallest 2-byte
        {"\xDF\xBF"sv, npos},          // U+07FF
        {"\xE0\xA0\x80"sv, npos},      // U+0800, smallest 3-byte
        {"\xED\x9F\xBF"sv, npos},      // U+D7FF, just below the surrogates
        {"\xEE\x80\x80"sv, npos},      // U+E000, just above
        {"\xEF\xBF\xBF"sv, npos},      // U+FFFF
        {"\xF0\x90\x80\x80"sv, npos},  // U+10000, smallest 4-byte
        {"\xF4\x8F\xBF\xBF"sv, npos},  // U+10FFFF, the largest
        {"\x80"sv, 0},                 // lone continuation
        {"ab\xBF"sv, 2},
        {"a\xC3"sv, 1},  // truncated
        {"ok\xE2\x82"sv, 2},
        {"\xF0\x9F\x98"sv, 0},
        {"ab\xC0\xAF"sv, 2},  // overlong 2-byte (C0/C1 leads)
        {"\xC1\xBF"sv, 0},
        {"\xE0\x80\xAF"sv, 0},  // overlong 3-byte
        {"\xE0\x9F\xBF"sv, 0},
        {"\xF0\x80\x80\xAF"sv, 0},  // overlong 4-byte
        {"\xF0\x8F\xBF\xBF"sv, 0},
        {"x\xED\xA0\x80"sv, 1},     // surrogate U+D800
        {"\xED\xBF\xBF"sv, 0},      // surrogate U+DFFF
        {"\xF4\x90\x80\x80"sv, 0},  // U+110000
        {"\xF5\x80\x80\x80"sv, 0},
        {"\xFF"sv, 0},
        {"\xE2\x82\x2C"sv, 0},  // bad continuation
        {"\xC3\xA4\xC3"sv, 2},  // good then truncated
    }));
    CAPTURE(r.text);
    CHECK(find_invalid_utf8(r.text) == r.bad);
}
