// Must NOT compile: ids do not convert implicitly from integers (nor to them): a number becomes
// an id only when spelled `symbol{n}`. Built with -DCROSSCHECK_FAIL_CONTROL it is spelled so, and
// it compiles.
// CROSSCHECK_EXPECT_ERROR: (unsigned int[^a-z]+to[^a-z]+crosscheck::symbol|crosscheck::symbol[^a-z]+with an lvalue of type[^a-z]+unsigned int)
#include <crosscheck/corpus/names.hpp>

std::string_view name_of(const crosscheck::name_table& names, unsigned n) {
#ifdef CROSSCHECK_FAIL_CONTROL
    return names.display(crosscheck::symbol{n});
#else
    return names.display(n);
#endif
}
