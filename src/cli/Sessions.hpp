#pragma once

#include "core/BodyModel.hpp"
#include "core/History.hpp"
#include "core/Workspace.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rollcoach {

/// The body model, or nullopt after saying on `err` why it cannot be loaded.
std::optional<BodyModel> bodyOrSay(const Workspace& workspace, std::ostream& err);

/// The history, or null after saying on `err` why it is unavailable; a notice about a bad
/// file that was moved aside goes to `err` too.
std::unique_ptr<History> historyOrSay(const Workspace& workspace, std::ostream& err);

/// Says on `err` how many sessions the history's last read left out, if any.
void sayLeftOut(const History& history, std::ostream& err);

/// Says on `err` which of the person's routines cannot be read and are left out, with the
/// first error of each. With `said`, a line already in it is not said again (a command that
/// looks every minute says it once).
void sayBroken(const std::vector<RoutineEntry>& library, std::ostream& err,
               std::set<std::string>* said = nullptr);

int historyCommand(bool json, const Workspace& workspace, std::ostream& out, std::ostream& err);
/// `progress`: each side's tension before and after each session, and a summary. `routine` is
/// a routine file or a routine's title ("" for all); `weeks` limits it to the last weeks.
int progressCommand(const std::string& routine, std::optional<int> weeks, bool json,
                    const Workspace& workspace, std::ostream& out, std::ostream& err);
int nextCommand(const Workspace& workspace, const BodyModel& body, std::ostream& out,
                std::ostream& err);
int calendarCommand(int weeks, const std::string& outFile, const Workspace& workspace,
                    const BodyModel& body, std::ostream& out, std::ostream& err);
int newRoutineCommand(const std::string& name, const std::string& drill, const Workspace& workspace,
                      std::ostream& out, std::ostream& err);

/// One line of what is due today: "18:00  Wall drill  -  start on the left side: ...".
std::string dueLine(const DueSession& due);

} // namespace rollcoach
