# Run as `cmake -D BUILD_DIR=… -D TARGET=… -D CONFIG=… -D EXPECT=<regex> -P compile_fail.cmake`.
# Passes only if building TARGET fails and the compiler output matches EXPECT.
execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" --config "${CONFIG}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "compile-fail: ${TARGET} compiled, but it must not")
endif()
if(NOT output MATCHES "${EXPECT}")
    message(FATAL_ERROR "compile-fail: ${TARGET} failed, but not with /${EXPECT}/:\n${output}")
endif()
message(STATUS "compile-fail: ${TARGET} failed as expected (/${EXPECT}/)")
