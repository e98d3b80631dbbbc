// io is above check, but check/detail/ is private to the check area: rejected.
#include <crosscheck/check/detail/counting.hpp>
