// Protection against pages nested absurdly deep. Gumbo's tree building is
// quadratic in nesting depth (each start tag checks the stack of open
// elements): 20,000 nested <i><div> pairs take seconds, a few megabytes of
// them would take hours. Real pages nest a few dozen levels.
#pragma once

#include <cstddef>
#include <string_view>

namespace sluice::plugins::html {

inline constexpr int kMaxNesting = 5000;

// The byte offset of the start tag at which the estimated nesting depth
// first exceeds `limit`, or npos. The estimate counts start tags minus end
// tags, ignoring void elements and those HTML closes implicitly (<p>, <li>,
// <td>, <a> ...), and skips comments and raw-text elements (<script>,
// <style> ...); it errs on the deep side, which only matters far above
// any real page.
std::size_t excessive_nesting_at(std::string_view html, int limit = kMaxNesting);

}  // namespace sluice::plugins::html
