// Must NOT compile: a source index is not a claim index, so handing one where the other is
// expected (here, looking a claim up by its source's index) is a type error. Built with
// -DCROSSCHECK_FAIL_CONTROL the index is a claim's, and it compiles.
// CROSSCHECK_EXPECT_ERROR: (source_index[^a-z]+to[^a-z]+[a-z:]*claim_index|claim_index[^a-z]+with an lvalue of type[^a-z]+[a-z: ]*source_index)
#include <crosscheck/corpus/corpus.hpp>

std::string_view first_claim_id(const crosscheck::corpus& c) {
#ifdef CROSSCHECK_FAIL_CONTROL
    const crosscheck::claim_index i{0};
#else
    const crosscheck::source_index i = c.stored(crosscheck::claim_index{0}).source;
#endif
    return c.claim_id(i);
}
