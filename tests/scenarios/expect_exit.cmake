# expect_exit.cmake runs `RUNNER --headless --script SCRIPT` and passes when its
# exit code is EXPECTED (1: an expectation failed; 2: the script is malformed).
# Usage: cmake -DRUNNER=... -DSCRIPT=... -DEXPECTED=2 -P expect_exit.cmake
execute_process(COMMAND "${RUNNER}" --headless --script "${SCRIPT}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT "${code}" STREQUAL "${EXPECTED}")
    message(FATAL_ERROR "${SCRIPT}: exit code ${code}, expected ${EXPECTED}")
endif()
