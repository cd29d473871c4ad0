// DV013 invalid-instruction-arguments: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class InvalidInstructionArguments final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV013",
        .name = "invalid-instruction-arguments",
        .severity = Severity::error,
        .summary = "An instruction has arguments BuildKit rejects",
        .rationale =
            "BuildKit checks each instruction's arguments before it builds anything: FROM takes an "
            "image and an optional `AS name`, COPY and ADD need a source and a destination, ENV "
            "and LABEL need `key=value` pairs, WORKDIR, USER and STOPSIGNAL take one argument, "
            "SHELL needs a JSON array, HEALTHCHECK needs CMD or NONE, and an exec form must hold "
            "only strings. Any of these mistakes fails the build.",
        .bad_example = "FROM golang:1.22 AS 1build\nCOPY main.go\nENV GOFLAGS",
        .good_example = "FROM golang:1.22 AS build\nCOPY main.go /src/\nENV GOFLAGS=-mod=vendor",
        .fix = "Give the instruction the arguments the Dockerfile reference documents for it.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::InvalidInstructionArguments)
