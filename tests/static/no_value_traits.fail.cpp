// Must NOT compile: claim<T> needs value_traits<T> (a specialization or the ADL hooks
// crosscheck_compare / crosscheck_to_string). The static_assert in claim<T> must be what fires.
// CROSSCHECK_EXPECT_ERROR: claim<Value>: Value needs value_traits
#include <crosscheck/model/claim.hpp>

namespace no_traits {
struct opaque {
    int x = 0;
};
}  // namespace no_traits

crosscheck::claim<no_traits::opaque> instance;
