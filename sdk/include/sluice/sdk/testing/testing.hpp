// Everything sluice::sdk_testing offers, in one include.
#pragma once

#include "sluice/sdk/testing/builders.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "sluice/sdk/testing/recorders.hpp"
#include "sluice/sdk/testing/stage_harness.hpp"
