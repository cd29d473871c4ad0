// DL3025: `CMD node server.js` — the shell form may run the server as a child of /bin/sh.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

bool starts_with_exec(std::string_view command) {
  return command.size() > 5 && command.starts_with("exec") &&
         (command[4] == ' ' || command[4] == '\t');
}

}  // namespace

class ExecFormCmdEntrypoint final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3025",
        .name = "exec-form-cmd-entrypoint",
        .severity = Severity::warning,
        .summary = "CMD or ENTRYPOINT is written in shell form",
        .rationale =
            "The shell form wraps the command in `/bin/sh -c`. Unless that shell replaces "
            "itself with the command (some do for one simple command; none do for `a && b`), "
            "the shell is PID 1 and the server its child. `docker stop` sends SIGTERM to the "
            "shell, which does not pass it on: the server gets no chance to shut down cleanly "
            "and is killed after the timeout. A shell-form ENTRYPOINT also ignores the CMD and "
            "any `docker run` arguments. The JSON (exec) form runs the program directly.",
        .bad_example = "FROM node:22.11\nCMD node server.js\n",
        .good_example = "FROM node:22.11\nCMD [\"node\", \"server.js\"]\n",
        .fix =
            "Write the command as a JSON array of strings, with double quotes: "
            "`CMD [\"node\", \"server.js\"]`. If it needs shell features, put them in a "
            "script that ends with `exec`.",
        .differences =
            "hadolint also reports `HEALTHCHECK CMD` in shell form. dockvet does not: a health "
            "check is a short-lived command that receives no stop signal, and Docker's own "
            "reference writes it in shell form (`HEALTHCHECK CMD curl -f http://localhost/ || "
            "exit 1`). Nor does it report a shell form that starts with `exec`, which replaces the "
            "shell with the program, as Docker's reference recommends for the shell form.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.onbuild || !instruction.is_shell_form()) continue;
      if (instruction.keyword != dockerfile::Keyword::cmd &&
          instruction.keyword != dockerfile::Keyword::entrypoint) {
        continue;
      }
      // `CMD exec node server.js`: the shell replaces itself with the server, which is then
      // PID 1 and gets the signals; Docker's reference recommends it for the shell form.
      if (starts_with_exec(instruction.args)) continue;
      const std::string keyword(dockerfile::to_string(instruction.keyword));
      findings.report(instruction.args_range,
                      keyword +
                          " in shell form runs under `/bin/sh -c`, which can keep stop "
                          "signals from the program; write it as a JSON array, e.g. " +
                          keyword + " [\"executable\", \"arg\"]");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ExecFormCmdEntrypoint)
