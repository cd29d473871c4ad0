#pragma once
// What BuildKit's own checks (BKxxx) share: how BuildKit splits an EXPOSE port, and its "did you
// mean" search over variable names.

#include <span>
#include <string>
#include <string_view>

namespace dockvet::bestpractice {

/// One EXPOSE word as BuildKit's parsePort splits it: `[ip:][host:]port[/proto]`.
struct ExposedPort {
  std::string ip;         // everything before the last two `:`-separated parts
  std::string host_port;  // the part before the container port, when there are two or more
  std::string port;       // the container port or range
  std::string proto;      // as written; empty when none is given
  /// The protocol is none, tcp, udp or sctp in any case (BuildKit fails the build otherwise,
  /// before it lints) and a port is given.
  bool valid = false;
};

ExposedPort split_exposed_port(std::string_view word);

/// BuildKit's suggest.Search: the first name in `options` at the smallest edit distance from
/// `name` below 3, compared case-sensitively or not; empty when none is that close, or when one
/// is `name` itself.
std::string suggest_name(std::string_view name, std::span<const std::string> options,
                         bool case_sensitive);

}  // namespace dockvet::bestpractice
