// libFuzzer target: arbitrary bytes as a routine file (loading, the safety check, the
// timeline, the plan and the calendar), as a settings file, and as text stored in the history
// or a file name (escaped for the terminal and written as JSON). Any crash, sanitizer
// report, leak or timeout is a bug.
#include "RoutinePipeline.hpp"

#include <cstdint>
#include <cstdlib>

namespace {
const rollcoach::BodyModel& body() {
    static const rollcoach::BodyModel model =
        rollcoach::BodyModel::load(std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml");
    return model;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    rollcoach::runRoutinePipeline(text, body());
    rollcoach::runSettingsPipeline(text);
    rollcoach::runStoredTextPipeline(text);
    return 0;
}
