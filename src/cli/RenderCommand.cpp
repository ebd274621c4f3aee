#include "Subcommand.hpp"
#include "core/Routine.hpp"
#include "core/Translate.hpp"

#include <charconv>
#include <cmath>
#include <memory>
#include <ostream>

namespace rollcoach {
namespace {

struct RenderOptions {
    WindowRequest request;
    std::optional<std::string> side;
    std::string size = "1280x720";
    std::string screen = "session";
    std::optional<std::string> place; ///< --place X,Y
};

// "X,Y": two numbers in centimetres, such as "2.5,8" or "-1,12".
std::optional<Point> parsePlace(const std::string& text) {
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos) {
        return std::nullopt;
    }
    double value[2] = {0, 0};
    const std::string parts[2] = {text.substr(0, comma), text.substr(comma + 1)};
    for (int i = 0; i < 2; ++i) {
        const char* begin = parts[i].data();
        const char* end = begin + parts[i].size();
        const auto [ptr, ec] = std::from_chars(begin, end, value[i]);
        if (begin == end || ec != std::errc() || ptr != end || !(std::abs(value[i]) <= 80)) {
            return std::nullopt;
        }
    }
    return Point{value[0], value[1]};
}

// "WxH" with nothing before, between or after the two whole numbers.
bool parseSize(const std::string& text, unsigned& width, unsigned& height) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto [afterWidth, widthError] = std::from_chars(begin, end, width);
    if (widthError != std::errc() || afterWidth == end || *afterWidth != 'x') {
        return false;
    }
    const auto [afterHeight, heightError] = std::from_chars(afterWidth + 1, end, height);
    return heightError == std::errc() && afterHeight == end;
}

int render(const RenderOptions& options, bool atGiven, CommandContext& context) {
    WindowRequest request = options.request;
    request.mode = WindowRequest::Mode::Render;
    if (options.side) {
        request.firstSide = parseSide(*options.side);
    }
    if (options.screen == "progress") {
        request.picture = WindowRequest::Picture::Progress;
    } else if (options.screen == "body") {
        request.picture = WindowRequest::Picture::Body;
    } else if (options.screen == "help") {
        request.picture = WindowRequest::Picture::Help;
    } else if (options.screen == "edit") {
        request.picture = WindowRequest::Picture::Edit;
    } else if (options.screen == "setup") {
        request.picture = WindowRequest::Picture::Setup;
    } else if (!atGiven) {
        context.err << "rollcoach: usage error: " // untranslated: prefix
                    << _("--at is required: the moment of the session to draw") << "\n"
                    << _("Run 'rollcoach --help' for the commands and options.") << "\n";
        return 2;
    }
    if (options.place) {
        request.editPlace = parsePlace(*options.place);
        if (!request.editPlace || request.picture != WindowRequest::Picture::Edit) {
            context.err << "rollcoach: usage error: " // untranslated: prefix
                        << _("--place must be X,Y in centimetres (-80 to 80), such as 2,8, with "
                             "--screen edit")
                        << "\n";
            return 2;
        }
    }
    unsigned w = 0;
    unsigned h = 0;
    if (!parseSize(options.size, w, h) || w < 160 || h < 120 || w > 8192 || h > 8192) {
        context.err << "rollcoach: usage error: " // untranslated: prefix
                    << _("--size must be WxH, e.g. 1920x1080 (160x120 to 8192x8192)") << "\n";
        return 2;
    }
    request.width = w;
    request.height = h;
    return showWindow(request, context);
}

} // namespace

Subcommand addRenderCommand(CLI::App& app) {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* command = app.add_subcommand(
        "render",
        _("draw the session screen at a moment, the progress, body or help screen, to a PNG"));
    command->add_option("FILE", options->request.routineFile, _("routine file"))->required();
    CLI::Option* at =
        command->add_option("--at", options->request.atS, _("seconds into the session"))
            ->check(finiteNumber())
            ->check(CLI::Range(0.0, 1e6));
    command
        ->add_option("--screen", options->screen,
                     _("session (at --at seconds), progress (the routine's tension by date) or "
                       "body (your body, with the routine on it) or help (every key, and where "
                       "files are) or edit (the routine in the editor) or setup (what the drill "
                       "needs, and its posture)"))
        ->check(CLI::IsMember({"session", "progress", "body", "help", "edit", "setup"}));
    command->add_option("--side", options->side, _("the first side"))
        ->check(CLI::IsMember({"left", "right"}));
    command->add_option("--size", options->size, _("image size, WxH (default 1280x720)"));
    command
        ->add_option("--step", options->request.editStep,
                     _("--screen edit: the step shown, from 1 (default 1)"))
        ->check(CLI::Range(1, 100));
    command->add_option("--place", options->place,
                        _("--screen edit: X,Y in centimetres, where the step's first ball goes "
                          "(not saved)"));
    command->add_flag("--paused", options->request.paused, _("the session paused at that moment"));
    command->add_flag("--asking-to-leave", options->request.askingToLeave,
                      _("with the leave question showing (Esc pressed once)"));
    command->add_option("--out", options->request.outFile, _("PNG file to write"))->required();
    return {command, [options, at](CommandContext& context) {
                return render(*options, at->count() > 0, context);
            }};
}

} // namespace rollcoach
