// A finding's fingerprint: what names it across runs, paths and copies of a
// report, so that a reviewed finding can be recognised when it comes again.
#ifndef JXAUDIT_RECORD_FINGERPRINT_H_
#define JXAUDIT_RECORD_FINGERPRINT_H_

#include <string>
#include <vector>

#include "validate/validate.h"

namespace jx {

// Sets `fingerprint` on each finding: 32 hex digits of SHA-256 over the
// document's content hash, the rule, and the printed labels and numbers the
// finding rests on (its evidence, stated and computed figures, unit). The
// id (F1, F2 …), the location and the path are left out: they move when a
// rule elsewhere in the report finds more, or when the file is renamed.
// Findings alike in all of that are told apart by their order among
// themselves.
void AssignFingerprints(const std::string& content_sha256,
                        std::vector<Finding>* findings);

// The version of the recipe above, kept in baselines and SARIF
// (partialFingerprints key): a fingerprint of another recipe never matches.
extern const char* const kFingerprintVersion;

}  // namespace jx

#endif  // JXAUDIT_RECORD_FINGERPRINT_H_
