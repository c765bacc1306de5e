# sluice_net_conformance_test(NAME TARGET SAMPLE)
#
# conformance.<NAME> for a plugin that talks HTTP: the conformance kit runs
# under sluice_net_conformance_env (net_common/tests/conformance_env.cpp),
# which serves the pages, feed and webhook the samples use on 127.0.0.1 and
# exports their base URL as SLUICE_SAMPLE_SERVER for the samples'
# `${SLUICE_SAMPLE_SERVER:-...}`. Without it a sink's sample would have
# nothing to deliver to. Registering here keeps tests/authoring from adding
# a second, server-less conformance test for the plugin.
function(sluice_net_conformance_test name target sample)
  if(NOT SLUICE_BUILD_TESTS)
    return()
  endif()
  add_test(NAME conformance.${name}
           COMMAND $<TARGET_FILE:sluice_net_conformance_env> $<TARGET_FILE:sluice::conformance_runner>
                   $<TARGET_FILE:${target}> --sample ${sample})
  set_tests_properties(conformance.${name} PROPERTIES LABELS conformance TIMEOUT 900)
  set_property(GLOBAL APPEND PROPERTY SLUICE_CONFORMANCE_TESTED ${target})
endfunction()
