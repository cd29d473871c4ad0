#pragma once
// GitHub's primaryLocationLineHash: the fingerprint code scanning matches alerts by. The
// upload-sarif action computes it from the checked-out file when a result lacks it, but the
// REST API does not, so dockvet writes it itself when it has the file's text. The value must
// equal what codeql-action's fingerprinting gives (src/fingerprints.ts), or upload-sarif warns
// and alerts stop matching; the algorithm is re-implemented here from its description.

#include <string>
#include <string_view>
#include <vector>

namespace dockvet::report {

/// The line hash of every line of `text`, "<hex>:<n>", indexed by line number - 1.
///
/// Each line's hash is a polynomial rolling hash (base 37, modulo 2^64) over the 100 UTF-16
/// code units that start at the line's first character, skipping spaces and tabs anywhere,
/// with CR and CRLF read as LF, a 65535 marking the end of the file and zeros after it. <n>
/// counts how often that hash has appeared so far, so repeated lines stay distinct. Invalid
/// UTF-8 is read as U+FFFD, as Node's decoder does. A lone CR ends a line here, as it does for
/// GitHub.
std::vector<std::string> github_line_hashes(std::string_view text);

}  // namespace dockvet::report
