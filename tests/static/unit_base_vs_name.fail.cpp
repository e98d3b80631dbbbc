// Must NOT compile: a unit-base id (corpus::unit_base) and a name id (the name table's symbol)
// number different tables, so comparing them is a type error, not a silent comparison of
// unrelated numbers. Built with -DCROSSCHECK_FAIL_CONTROL both sides are names, and it compiles.
// CROSSCHECK_EXPECT_ERROR: unit_base_id[^a-z]+and[^a-z]+(const )?crosscheck::symbol
#include <crosscheck/corpus/corpus.hpp>

bool same_name(const crosscheck::corpus& c) {
    const crosscheck::symbol name = c.names().find("m").value_or(crosscheck::no_symbol);
#ifdef CROSSCHECK_FAIL_CONTROL
    const crosscheck::symbol other = c.names().find("km").value_or(crosscheck::no_symbol);
#else
    const crosscheck::unit_base_id other = c.unit_base(c.stored(crosscheck::claim_index{0}).value_unit()).first;
#endif
    return other == name;
}
