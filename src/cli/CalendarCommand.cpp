#include "Sessions.hpp"
#include "Subcommand.hpp"
#include "core/Translate.hpp"

#include <memory>

namespace rollcoach {
namespace {

struct CalendarOptions {
    int weeks = 4;
    std::string out;
};

} // namespace

Subcommand addCalendarCommand(CLI::App& app) {
    auto options = std::make_shared<CalendarOptions>();
    CLI::App* command =
        app.add_subcommand("calendar", _("write the weekly plan as an iCalendar file"));
    command->add_option("--weeks", options->weeks, _("how many weeks (default 4)"))
        ->check(CLI::Range(1, 104));
    command->add_option("--out", options->out, _("the .ics file to write (default: print)"));
    return {command, [options](CommandContext& context) {
                const auto body = bodyOrSay(context.workspace, context.err);
                if (!body) {
                    return 1;
                }
                return calendarCommand(options->weeks, options->out, context.workspace, *body,
                                       context.out, context.err);
            }};
}

} // namespace rollcoach
