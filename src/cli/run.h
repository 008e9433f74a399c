// Command line → run. `main` only forwards here, so tests can drive it.
#ifndef JXAUDIT_CLI_RUN_H_
#define JXAUDIT_CLI_RUN_H_

#include <ostream>

namespace jx {

// Exit status: 0 success, 1 findings of error severity (check), 2 a file could
// not be processed or the command line / patterns are wrong.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace jx

#endif  // JXAUDIT_CLI_RUN_H_
