# raddraft_set_warnings(<target>): our own code builds warning-free with -Wall -Wextra.
# Third-party headers come in through imported targets and are therefore SYSTEM includes.
function(raddraft_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()

# Adds each listed sub-directory that already has a CMakeLists.txt (areas arrive one issue at a time).
macro(raddraft_add_subdirectories)
  foreach(dir ${ARGN})
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/CMakeLists.txt)
      add_subdirectory(${dir})
    endif()
  endforeach()
endmacro()
