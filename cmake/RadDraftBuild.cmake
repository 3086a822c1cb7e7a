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

# raddraft_reuse_torch_pch(<executable>): the executable's torch-heavy sources use the precompiled
# header of raddraft_inference instead of building their own (each copy is ~0.7 GB on disk and a
# minute of compile time). GCC accepts a PCH only when the code model matches, so these sources
# are compiled as PIC like the library (the later -fPIC overrides CMake's -fPIE; PIC code links
# into a PIE executable unchanged).
function(raddraft_reuse_torch_pch target)
  target_compile_options(${target} PRIVATE -fPIC)
  target_precompile_headers(${target} REUSE_FROM raddraft_inference)
endfunction()
