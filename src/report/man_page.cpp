#include "report/man_page.h"

#include <fmt/format.h>

#include "report/report.h"

namespace dockvet::report {
namespace {

// roff reads a backslash as an escape and a line that starts with "." or "'" as a request;
// "\-" is a real minus, which man(1) keeps searchable and copyable in option names.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string option_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

void write_options(std::string& page, const std::vector<ManOption>& options) {
  page += ".SH OPTIONS\n";
  for (const ManOption& option : options) {
    page += ".TP\n";
    bool first = true;
    for (const std::string& name : option.names) {
      if (!first) page += ", ";
      first = false;
      page += "\\fB" + option_name(name) + "\\fR";
    }
    if (!option.value_name.empty()) page += " \\fI" + escaped(option.value_name) + "\\fR";
    std::string description = option.description;
    if (!description.empty() && description.back() != '.') {
      description += '.';
    }
    page += "\n" + escaped(description) + "\n";
  }
}

void write_rules(std::string& page, const Registry& registry) {
  page +=
      ".SH RULES\n"
      "Every rule has a code and a name; either selects or ignores it on the command line, in "
      "the configuration and in ignore pragmas.\n"
      "A rule marked \\fIoff\\fR runs only when selected by its own code or name.\n"
      "\\fBdockvet \\-\\-explain\\fR \\fICODE\\fR prints a rule's page.\n";
  const auto checks = registry.checks();
  for (const RuleFamily& family : rule_families()) {
    bool header = false;
    for (const auto& check : checks) {
      const CheckMeta& meta = check->meta();
      if (&rule_family(meta.code) != &family) continue;
      if (!header) {
        page += ".SS " + escaped(family.title) + "\n";
        header = true;
      }
      page += fmt::format(".TP\n\\fB{}\\fR {} ({}{})\n{}.\n", meta.code, escaped(meta.name),
                          to_string(meta.severity), meta.off_by_default ? ", off" : "",
                          escaped(meta.summary));
    }
  }
}

}  // namespace

std::string man_page(std::string_view version, const std::vector<ManOption>& options,
                     const Registry& registry) {
  std::string page = fmt::format(
      ".\\\" Written by dockvet --write-man-page from its own options and rules.\n"
      ".TH DOCKVET 1 \"\" \"dockvet {}\" \"User Commands\"\n",
      escaped(version));
  page +=
      ".SH NAME\n"
      "dockvet \\- lint container definitions for data left off persistent storage and "
      "Dockerfile mistakes\n"
      ".SH SYNOPSIS\n"
      ".B dockvet\n"
      "[\\fIOPTIONS\\fR] [\\fIPATH\\fR...]\n"
      ".br\n"
      ".B dockvet\n"
      "[\\fIOPTIONS\\fR] \\fB\\-\\-stdin\\-filename\\fR \\fINAME\\fR \\fB\\-\\fR\n"
      ".br\n"
      ".B dockvet lsp\n"
      "[\\fB\\-\\-config\\fR \\fIFILE\\fR] [\\fB\\-\\-stdio\\fR]\n"
      ".SH DESCRIPTION\n"
      "dockvet finds stateful containers (databases, CMSs, brokers, CI and artifact servers) "
      "that run or are built without their data directory on persistent storage, wherever "
      "containers are defined: Dockerfiles and Containerfiles, the \\fBdocker run\\fR and "
      "\\fBpodman run\\fR lines of shell scripts, Makefiles and Markdown documents, compose "
      "files and Kubernetes manifests.\n"
      "It also checks Dockerfiles for the best practices hadolint and BuildKit know, under "
      "their codes.\n"
      ".PP\n"
      "Each \\fIPATH\\fR is a file or a directory (default: the current directory). Directories "
      "are walked recursively; version-control folders, \\fInode_modules\\fR, \\fIvendor\\fR "
      "and virtual environments are skipped. A file named on the command line is always "
      "linted; its kind comes from its name, then its content, and \\fB\\-\\-kind\\fR "
      "overrides both. \\fB\\-\\fR reads standard input.\n";
  write_options(page, options);
  page +=
      ".SH LANGUAGE SERVER\n"
      "\\fBdockvet lsp\\fR speaks the Language Server Protocol 3.17 on standard input and "
      "output, for editors: it lints each open document from the editor's buffer as the user "
      "types, publishes the findings as diagnostics, and offers each finding's fix and a "
      "\\fB# dockvet ignore=\\fR\\fICODE\\fR pragma as code actions. The configuration is "
      "found from each document's folder, or is \\fB\\-\\-config\\fR \\fIFILE\\fR, and is read "
      "again when the editor reports a change. It exits 0 after the client's \\fBshutdown\\fR "
      "and \\fBexit\\fR, 1 when its input ends or \\fBexit\\fR comes first. Editor setup: "
      "\\fIshare/doc/dockvet/editors.md\\fR.\n"
      ".SH EXIT STATUS\n"
      ".TP\n.B 0\nNo finding at or above the failure threshold.\n"
      ".TP\n.B 1\nAt least one finding at or above the failure threshold.\n"
      ".TP\n.B 2\nA usage or configuration error, or a file that could not be read.\n"
      ".SH FILES\n"
      ".TP\n.I .dockvet.yaml\n"
      "The configuration, searched from the current directory up to the repository root.\n"
      ".TP\n.I .hadolint.yaml\n"
      "Read when there is no \\fI.dockvet.yaml\\fR, so hadolint's configuration keeps "
      "working.\n"
      ".SH ENVIRONMENT\n"
      ".TP\n.B NO_COLOR\nWhen set and not empty, text output is never coloured.\n";
  write_rules(page, registry);
  page +=
      ".SH SEE ALSO\n"
      "\\fBhadolint\\fR(1), \\fBdocker\\fR(1).\n"
      "The rule pages are installed under \\fIshare/doc/dockvet/rules/\\fR of the installation "
      "prefix, and published at\n"
      ".UR https://github.com/dockvet/dockvet/tree/main/docs/rules\n"
      ".UE .\n";
  return page;
}

}  // namespace dockvet::report
