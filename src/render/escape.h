#pragma once
// Text from the graph made safe for Graphviz and for the SVG it writes. Graphviz reads
// backslash sequences in labels ("\N" is the node's name, "\l" a line break) and entities
// ("&amp;"), and writes a link's address into SVG without escaping it; these functions leave
// it nothing to interpret.
#include <string>
#include <string_view>

namespace dateline::render {

// Well-formed UTF-8 with no control characters; line breaks and tabs become spaces unless
// `keep_lines`, runs of spaces one space, cut to `max_chars` code points (0: no cut) with an
// ellipsis.
std::string clean_text(std::string_view s, size_t max_chars = 0, bool keep_lines = false);

// A node or edge label: the cleaned text with backslashes and ampersands escaped for Graphviz.
std::string label_text(std::string_view s, size_t max_chars = 0);

// A tooltip (several lines allowed): Graphviz reads entities and backslash sequences in
// tooltips twice over, so ampersands become "&amp;" and each backslash four.
std::string tooltip_text(std::string_view s);

// A link for the SVG: only http and https addresses (any other scheme, javascript: among them,
// gives ""), with every byte outside the URL alphabet percent-encoded and '&' written as the
// entity SVG needs.
std::string safe_url(std::string_view url);

}  // namespace dateline::render
