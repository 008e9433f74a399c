// The command line's options, once: what every command accepts, and each
// command's own help (`jxaudit check --help`), from which the man page is
// made (tools/make-man.sh).
#ifndef JXAUDIT_CLI_HELP_H_
#define JXAUDIT_CLI_HELP_H_

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace jx {

struct CommandInfo {
  const char* name;
  const char* synopsis;  // after "jxaudit "
  const char* what;      // one line
  const char* details;   // paragraphs after the synopsis, may be ""
};
const std::vector<CommandInfo>& Commands();

// Every option, described for the command given, or for all commands when
// `command` is "" (what the command line is parsed with).
boost::program_options::options_description OptionsFor(const std::string& command);

// The overview (`jxaudit --help`) and one command's help.
std::string GeneralHelp();
// "" when there is no such command.
std::string CommandHelp(const std::string& command);

}  // namespace jx

#endif  // JXAUDIT_CLI_HELP_H_
