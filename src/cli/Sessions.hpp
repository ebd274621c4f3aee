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

/// Opens the history for a command; on failure says why on `err` and returns null, so the
/// command goes on without it.
std::unique_ptr<History> openHistory(const CommandContext& context, std::ostream& err);

/// The first side for a session: `--first-side` if given, else the routine and the history.
SideChoice firstSideFor(const Routine& routine, const std::optional<std::string>& forced,
                        const CommandContext& context, std::ostream& err);

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

/// What is due today, in one line per routine ("" when nothing is).
std::vector<std::string> dueToday(const CommandContext& context, const BodyModel& body,
                                  std::ostream& err);

} // namespace rollcoach
