# Included from tests/CMakeLists.txt: every harness fuzz/<name>_fuzzer.cpp is also compiled
# with the standalone driver replay_main.cpp into replay_<name>, and ctest replays each file
# of fuzz/corpus/<name>/ through it (libgit2's fuzzers/ model). So the corpora, including
# every crash reproducer added to them, run in the normal gcc build and under sanitizers.
file(GLOB MANDATE_FUZZERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*_fuzzer.cpp)
foreach(src ${MANDATE_FUZZERS})
  get_filename_component(stem ${src} NAME_WE)
  string(REGEX REPLACE "_fuzzer$" "" name ${stem})
  add_executable(replay_${name} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp ${src})
  target_link_libraries(replay_${name} PRIVATE mandate_internal)
  add_test(NAME fuzz_corpus_${name}
    COMMAND replay_${name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${name})
  set_tests_properties(fuzz_corpus_${name} PROPERTIES TIMEOUT 300)
endforeach()
