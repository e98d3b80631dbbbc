# Builds and runs the consumer project in this folder against crosscheck, one way per MODE:
#   find_package      configure with CMAKE_PREFIX_PATH=PREFIX (an install tree)
#   add_subdirectory  configure with CROSSCHECK_SOURCE_DIR (the source tree)
#   pkg_config        compile main.cpp by hand with `pkg-config --cflags crosscheck` from PREFIX
# Invoked by CTest (tests/CMakeLists.txt) with -D for each variable used below.
cmake_minimum_required(VERSION 3.23)

function(run_checked)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT result EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "crosscheck-package: failed (${result}): ${cmd}\n${out}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${BINARY_DIR}")
file(MAKE_DIRECTORY "${BINARY_DIR}")

if(MODE STREQUAL "pkg_config")
    find_program(PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
    if(NOT PKG_CONFIG_EXECUTABLE)
        message("crosscheck-package: SKIPPED (no pkg-config)")
        return()
    endif()
    set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
    run_checked("${PKG_CONFIG_EXECUTABLE}" --cflags crosscheck)
    string(STRIP "${last_output}" cflags)
    separate_arguments(cflags UNIX_COMMAND "${cflags}")
    separate_arguments(extra UNIX_COMMAND "${CXX_FLAGS}")
    separate_arguments(link_extra UNIX_COMMAND "${LINKER_FLAGS}")
    if(NOT CXX_STANDARD)
        set(CXX_STANDARD 17)
    endif()
    run_checked("${CXX}" "-std=c++${CXX_STANDARD}" ${extra} ${cflags} ${link_extra}
        "${SOURCE_DIR}/main.cpp" -o "${BINARY_DIR}/consumer")
else()
    set(args -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
        "-DCMAKE_CXX_COMPILER=${CXX}"
        "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
        "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
        "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
        "-DCROSSCHECK_PACKAGE_MODE=${MODE}")
    if(CXX_STANDARD)
        list(APPEND args "-DCMAKE_CXX_STANDARD=${CXX_STANDARD}")
    endif()
    if(LAUNCHER)
        list(APPEND args "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
    endif()
    if(MODE STREQUAL "find_package")
        list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX}")
    elseif(MODE STREQUAL "add_subdirectory")
        list(APPEND args "-DCROSSCHECK_SOURCE_DIR=${CROSSCHECK_SOURCE_DIR}")
    else()
        message(FATAL_ERROR "crosscheck-package: unknown MODE '${MODE}'")
    endif()
    run_checked("${CMAKE_COMMAND}" ${args})
    run_checked("${CMAKE_COMMAND}" --build "${BINARY_DIR}")
endif()

run_checked("${BINARY_DIR}/consumer")
message("${last_output}")
message(STATUS "crosscheck-package: ${MODE} consumer built and ran")
