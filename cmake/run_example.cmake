# Run as `cmake -D PROGRAM=<exe> -D ARGS=<list> -P run_example.cmake` from an example's CTest entry.
# Echoes the program's output (CTest matches PASS_REGULAR_EXPRESSION against it) and reports a
# nonzero exit in a line that the test's FAIL_REGULAR_EXPRESSION catches.
execute_process(COMMAND "${PROGRAM}" ${ARGS} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "crosscheck-example: exit code ${result}")
endif()
