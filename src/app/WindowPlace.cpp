#include "WindowPlace.hpp"

#include "core/TextFile.hpp"
#include "core/Translate.hpp"
#include "core/YamlDocument.hpp"

#include <charconv>
#include <filesystem>

namespace rollcoach {

namespace {

constexpr std::size_t kMaxWindowFileBytes = 4 * 1024;

bool readSide(const YamlNode& node, unsigned low, unsigned& side) {
    if (node.kind != YamlNode::Kind::Scalar || !node.plain) {
        return false;
    }
    const char* begin = node.value.data();
    const char* end = begin + node.value.size();
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (begin == end || ec != std::errc() || ptr != end || value < low ||
        value > WindowPlace::kMaxSide) {
        return false;
    }
    side = value;
    return true;
}

} // namespace

WindowPlace parseWindowPlace(const std::string& text, Diagnostics& diagnostics) {
    WindowPlace place;
    YamlLimits limits;
    limits.maxBytes = kMaxWindowFileBytes;
    limits.holder = _("a window file");
    const YamlDocument document = YamlDocument::parse(text, diagnostics, limits);
    const YamlNode* root = document.root();
    if (root == nullptr) {
        return place;
    }
    if (root->kind != YamlNode::Kind::Map) {
        diagnostics.push_back({Severity::Error, root->mark, _("the window file must be a map")});
        return place;
    }
    const std::string sides = _(" must be a whole number of pixels from ");
    for (const auto& [key, value] : root->entries) {
        const std::string& name = key->value;
        if (name == "width") {
            if (!readSide(*value, WindowPlace::kMinWidth, place.width)) {
                diagnostics.push_back({Severity::Error, value->mark,
                                       "\"width\"" + sides +
                                           std::to_string(WindowPlace::kMinWidth) + " to " +
                                           std::to_string(WindowPlace::kMaxSide)});
            }
        } else if (name == "height") {
            if (!readSide(*value, WindowPlace::kMinHeight, place.height)) {
                diagnostics.push_back({Severity::Error, value->mark,
                                       "\"height\"" + sides +
                                           std::to_string(WindowPlace::kMinHeight) + " to " +
                                           std::to_string(WindowPlace::kMaxSide)});
            }
        } else if (name == "full_screen") {
            if (value->kind == YamlNode::Kind::Scalar && value->plain &&
                (value->value == "true" || value->value == "false")) {
                place.fullScreen = value->value == "true";
            } else {
                diagnostics.push_back(
                    {Severity::Error, value->mark, _("\"full_screen\" must be true or false")});
            }
        } else {
            diagnostics.push_back(
                {Severity::Error, key->mark,
                 fillIn(_("unknown key \"{0}\" (known: width, height, full_screen)"), name)});
        }
    }
    return place;
}

std::string formatWindowPlace(const WindowPlace& place) {
    return "# How rollcoach's window was left; it opens so next time.\n" // untranslated: the window
                                                                         // file's own comment
           "width: " +
           std::to_string(place.width) + "\nheight: " + std::to_string(place.height) +
           "\nfull_screen: " + (place.fullScreen ? "true" : "false") + "\n";
}

std::string windowPlaceFile(const std::string& settingsFile) {
    return (std::filesystem::path(settingsFile).parent_path() / "window.yaml").string();
}

std::string windowStateFile(const std::string& stateDir) {
    return (std::filesystem::path(stateDir) / "window.yaml").string();
}

WindowPlace loadWindowPlace(const std::string& path, const std::string& formerPath) {
    std::error_code ec;
    if (formerPath.empty() || std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        return loadWindowPlace(path);
    }
    return loadWindowPlace(formerPath);
}

bool saveWindowPlaceMoving(const std::string& path, const std::string& formerPath,
                           const WindowPlace& place, std::string& why) {
    if (!saveWindowPlace(path, place, why)) {
        return false;
    }
    std::error_code ec;
    if (!formerPath.empty() && !std::filesystem::equivalent(path, formerPath, ec)) {
        std::filesystem::remove(formerPath, ec);
    }
    return true;
}

WindowPlace loadWindowPlace(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        return {};
    }
    const TextFile file = readTextFile(path, kMaxWindowFileBytes);
    if (!file.error.empty()) {
        return {};
    }
    Diagnostics ignored;
    return parseWindowPlace(file.text, ignored);
}

bool saveWindowPlace(const std::string& path, const WindowPlace& place, std::string& why) {
    return makeFolderFor(path, why) && writeFileAtomically(path, formatWindowPlace(place), why);
}

} // namespace rollcoach
