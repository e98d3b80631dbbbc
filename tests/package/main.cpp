// A consumer of the installed (or add_subdirectory'd) crosscheck: compiles against the umbrella header
// once it exists, else against version.hpp.
#if __has_include(<crosscheck/crosscheck.hpp>)
#include <crosscheck/crosscheck.hpp>
#else
#include <crosscheck/version.hpp>
#endif

#include <cstring>
#include <iostream>

int main() {
    std::cout << "crosscheck " << crosscheck::version_string << '\n';
#ifdef CROSSCHECK_EXPECTED_VERSION
    // The CMake package version must be the one in version.hpp.
    if (std::strcmp(crosscheck::version_string, CROSSCHECK_EXPECTED_VERSION) != 0) {
        std::cerr << "package version " << CROSSCHECK_EXPECTED_VERSION << " != header version\n";
        return 1;
    }
#endif
    return 0;
}
