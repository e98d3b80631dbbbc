// Generic machinery that includes a model header: the base area knows no crosscheck type. Rejected.
#include <crosscheck/model/period.hpp>
