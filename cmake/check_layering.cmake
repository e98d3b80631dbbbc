# cmake -D ROOT=<include dir> -P check_layering.cmake
#
# The include rule of crosscheck's tree: a header includes only its own area and the areas below
# it. Areas, from the bottom up:
#   base     config.hpp, version.hpp and detail/ (generic machinery: it knows no crosscheck type)
#   model    values, periods, quantities and units, claims, sources, rules
#   corpus   the corpus, its name tables, the builder, views
#   report   findings and reports, and their text, Markdown and JSON writers
#   check    the check context, grouping and the checkers
#   io       diagnostics, the CSV and JSON loaders, file loading
#   resolve  truth resolution
#   testing  the Catch2 helpers
# crosscheck.hpp (the umbrella) may include anything. An area's own detail/ (say io/detail/) is
# private to that area: no other area includes it. Fails, listing every violation, when one is found.
if(NOT ROOT)
    message(FATAL_ERROR "check_layering: pass -D ROOT=<include directory>")
endif()
get_filename_component(ROOT "${ROOT}" ABSOLUTE)
set(_areas base model corpus report check io resolve testing)

function(_area_of path out)
    if(path MATCHES "^crosscheck/(config|version)\\.hpp$" OR path MATCHES "^crosscheck/detail/")
        set(${out} base PARENT_SCOPE)
    elseif(path STREQUAL "crosscheck/crosscheck.hpp")
        set(${out} umbrella PARENT_SCOPE)
    elseif(path MATCHES "^crosscheck/([a-z_]+)/")
        set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
    else()
        set(${out} unknown PARENT_SCOPE)
    endif()
endfunction()

file(GLOB_RECURSE _headers RELATIVE "${ROOT}" "${ROOT}/crosscheck/*.hpp")
set(_violations "")
set(_count 0)
foreach(_h IN LISTS _headers)
    math(EXPR _count "${_count} + 1")
    _area_of("${_h}" _from)
    list(FIND _areas "${_from}" _from_level)
    if(_from STREQUAL "umbrella")
        continue()
    endif()
    if(_from_level LESS 0)
        list(APPEND _violations "${_h}: not in any area (${_areas})")
        continue()
    endif()
    file(STRINGS "${ROOT}/${_h}" _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]crosscheck/")
    foreach(_line IN LISTS _lines)
        string(REGEX MATCH "crosscheck/[^>\"]+" _inc "${_line}")
        _area_of("${_inc}" _to)
        list(FIND _areas "${_to}" _to_level)
        if(_to_level LESS 0)
            list(APPEND _violations "${_h} includes ${_inc}, which is in no area below it")
        elseif(_to_level GREATER _from_level)
            list(APPEND _violations "${_h} (${_from}) includes ${_inc} (${_to}): an include runs upward")
        elseif(_inc MATCHES "^crosscheck/([a-z_]+)/detail/" AND NOT _to STREQUAL _from)
            list(APPEND _violations "${_h} (${_from}) includes ${_inc}: another area's private detail/")
        endif()
    endforeach()
endforeach()
if(_violations)
    list(JOIN _violations "\n  " _text)
    message(FATAL_ERROR "check_layering: the include rule is broken:\n  ${_text}")
endif()
message(STATUS "check_layering: ${_count} headers follow the include rule")
