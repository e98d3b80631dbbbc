// A model header that includes the check area above it: check_layering must reject this tree.
#include <crosscheck/check/context.hpp>
