// Everything a plugin author needs, in one include.
#pragma once

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/json.hpp"
#include "sluice/sdk/paths.hpp"
#include "sluice/sdk/plugin.hpp"
#include "sluice/sdk/search.hpp"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/utf8.hpp"
#include "sluice/sdk/value.hpp"
