#pragma once
// Images a file builds itself and then runs (reference rule 18): image docs show a Dockerfile
// `FROM couchdb`, then `docker build -t you/awesome-couchdb .` and `docker run
// you/awesome-couchdb`. The run keeps its data where the base image does, unless the
// Dockerfile changes what runs or where it writes.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/source.h"

namespace dockvet::stateful {

/// An image the file builds from a Dockerfile it shows.
struct BuiltImage {
  std::string key;   // catalog::ImageRef::key() of the `-t` name
  std::string base;  // the last stage's FROM image, stage aliases followed
  // ENV and ARG names the last stage sets: a knob among them may move the data.
  std::vector<std::string> variables;
};

/// What matters of a Dockerfile for the image it builds: its last stage's base (stage aliases
/// followed) and what that stage changes.
struct LastStage {
  std::string base;
  std::vector<std::string> variables;       // ENV and ARG names it sets
  bool changes_storage_or_command = false;  // a VOLUME, CMD or ENTRYPOINT of its own
};
/// Reads a Dockerfile's text with the Dockerfile front end: the last stage's root image and its
/// own VOLUME, CMD, ENTRYPOINT, ENV and ARG instructions; nullopt when
/// no FROM names an image.
std::optional<LastStage> read_last_stage(std::string_view text);

/// The images a Markdown file builds with `docker build -t NAME` from the nearest Dockerfile
/// block shown above the command. A Dockerfile whose last stage declares a VOLUME or replaces
/// CMD or ENTRYPOINT is left out: it may store or run something else.
std::vector<BuiltImage> built_images(const SourceFile& file, std::span<const ShellScript> scripts);

}  // namespace dockvet::stateful
