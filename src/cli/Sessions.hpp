#pragma once

#include "CommandLine.hpp"
#include "core/BodyModel.hpp"
#include "core/History.hpp"
#include "core/Schedule.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// Loads the body model for the chosen profile, or says on `err` why it cannot.
std::optional<BodyModel> loadBody(const CommandContext& context, std::ostream& err);

/// Opens the history; on failure says why on `err` ("history unavailable", or with `problem`
/// given, "history will not be saved" and the reason kept there) and returns null, so the
/// caller goes on without it.
std::unique_ptr<History> openHistory(const CommandContext& context, std::ostream& err,
                                     std::string* problem = nullptr);

/// The first side for a session: `--first-side` if given, else the routine's own, else the
/// history (which may be null).
SideChoice firstSideFor(const Routine& routine, const std::optional<std::string>& forced,
                        const History* history, std::int64_t now);

/// The local calendar day of a moment.
Date localDate(std::int64_t secondsSinceEpoch);

/// Every routine that loads without error: shipped ones, then the user's.
std::vector<std::pair<std::string, Routine>> usableRoutines(const CommandContext& context,
                                                            const BodyModel& body);

int historyCommand(bool json, const CommandContext& context, std::ostream& out, std::ostream& err);
int nextCommand(const CommandContext& context, const BodyModel& body, std::ostream& out,
                std::ostream& err);
int calendarCommand(int weeks, const std::string& outFile, const CommandContext& context,
                    const BodyModel& body, std::ostream& out, std::ostream& err);
int newRoutineCommand(const std::string& name, const CommandContext& context, std::ostream& out,
                      std::ostream& err);

/// What is due today among these routines, one line per routine, with the side to start on.
std::vector<std::string> dueToday(const std::vector<std::pair<std::string, Routine>>& routines,
                                  const CommandContext& context, const History* history);

} // namespace rollcoach
