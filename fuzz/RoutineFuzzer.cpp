// libFuzzer target: arbitrary bytes as a routine file, through loading, the safety check and
// the timeline. Any crash, sanitizer report, leak or timeout is a bug.
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
    return 0;
}
