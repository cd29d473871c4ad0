#pragma once
// Kubernetes manifests (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, OpenShift DeploymentConfig, Job, CronJob, and `kind: List` wrappers, in
// multi-document files) read for the containers their Pods run: image, command and args,
// environment, the volumeMounts joined with the Pod's volumes, and the replica count.
//
// Each container becomes a docker::Invocation (origin kubernetes), so the stateful analysis and
// the DV1xx checks read it as they read a `docker run` line. What backs a volumeMount decides
// its MountKind (reference rule 22): a PersistentVolumeClaim, a StatefulSet volumeClaimTemplate
// or a network disk is a named volume, hostPath a bind, emptyDir an anonymous volume (it dies
// with the Pod), emptyDir on Memory a tmpfs, configMap/secret/downwardAPI/projected never data.

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check.h"
#include "core/source.h"
#include "docker/invocation.h"

namespace dockvet::kubernetes {

/// The code of the note for a Helm template, which is not YAML until Helm renders it.
inline constexpr std::string_view helm_template_code = "DV031";

/// What a manifest file runs.
struct Manifests {
  std::vector<docker::Invocation> containers;  // in file order
  std::vector<std::string> container_names;    // parallel to `containers`
  // Each container's lines, first (its `- name:` entry) to last, 1-based: a pragma above a
  // container covers it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> container_lines;
};

/// True when `head` (the start of a file) reads as a Kubernetes manifest: `apiVersion:` and
/// `kind:` keys at the top level of a YAML document.
bool looks_like_manifest(std::string_view head);

/// Reads a manifest file. A YAML error becomes one DV030 issue with its position, a Helm
/// template one DV031 issue; YAML that is not a Kubernetes object gives nothing.
Manifests read_manifests(const SourceFile& file, std::vector<FrontEndIssue>& issues);

}  // namespace dockvet::kubernetes
