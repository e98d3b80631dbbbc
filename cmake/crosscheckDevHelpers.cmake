# Helpers for crosscheck's own tests, examples and programs (not installed).

# crosscheck_deps_by_includes(<libs-var> <missing-var> <sources>...)
#
# Sets <libs-var> to the targets the sources need: crosscheck::crosscheck, crosscheck_dev_flags and,
# for each optional dependency whose header they include, its target. Dependencies that are not
# available go to <missing-var>, so the caller can skip with a message instead of failing the build.
function(crosscheck_deps_by_includes libs_var missing_var)
    set(text "")
    foreach(src IN LISTS ARGN)
        file(READ "${src}" content)
        string(APPEND text "${content}\n")
    endforeach()

    set(libs crosscheck::crosscheck)
    set(missing "")
    # include pattern | package to find | target to link
    set(table
        "crosscheck/io/(json|load)\\.hpp|nlohmann/" "nlohmann_json" "crosscheck::json"
        "crosscheck/fmt\\.hpp|fmt/" "fmt" "fmt::fmt"
        "CLI/" "CLI11" "CLI11::CLI11"
        "crosscheck/testing/catch2\\.hpp|catch2/" "Catch2" "crosscheck::catch2"
        "sqlite3\\.h" "SQLite3" "SQLite::SQLite3")
    while(table)
        list(POP_FRONT table pattern package dep)
        if(NOT text MATCHES "#[ \t]*include[ \t]*[<\"](${pattern})")
            continue()
        endif()
        if(NOT TARGET ${dep})
            if(package STREQUAL "SQLite3")
                find_package(SQLite3 QUIET)  # a CMake find module, not a config package
            else()
                find_package(${package} CONFIG QUIET)
            endif()
        endif()
        if(TARGET ${dep})
            list(APPEND libs ${dep})
        else()
            list(APPEND missing ${package})
        endif()
    endwhile()
    if(TARGET crosscheck_dev_flags)
        list(APPEND libs crosscheck_dev_flags)
    endif()
    set(${libs_var} "${libs}" PARENT_SCOPE)
    set(${missing_var} "${missing}" PARENT_SCOPE)
endfunction()

# crosscheck_add_program(<target> [OUTPUT_NAME <name>] SOURCES <files>...)
#
# An executable linked by crosscheck_deps_by_includes. If a dependency is missing the target is not
# created and a status message says why. Sets CROSSCHECK_PROGRAM_CREATED in the caller.
function(crosscheck_add_program target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_NAME" "SOURCES")
    crosscheck_deps_by_includes(libs missing ${arg_SOURCES})
    if(missing)
        message(STATUS "crosscheck: skipping ${target}: not found: ${missing}")
        set(CROSSCHECK_PROGRAM_CREATED FALSE PARENT_SCOPE)
        return()
    endif()
    add_executable(${target} ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE ${libs})
    if(arg_OUTPUT_NAME)
        set_target_properties(${target} PROPERTIES OUTPUT_NAME "${arg_OUTPUT_NAME}")
    endif()
    set(CROSSCHECK_PROGRAM_CREATED TRUE PARENT_SCOPE)
endfunction()
