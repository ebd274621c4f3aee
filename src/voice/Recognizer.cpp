#include "Recognizer.hpp"

#include "modules/ModuleLoader.hpp"

namespace rollcoach {

std::unique_ptr<Recognizer> openRecognizer(const std::vector<std::string>& modules,
                                           std::string& why, RecognizerLimits limits) {
    const auto open = loadModuleEntry<OpenRecognizer>(modules, kOpenRecognizerSymbol, why);
    if (open == nullptr) {
        return nullptr;
    }
    // The module stays loaded for the rest of the program: the recogniser's code lives there.
    return std::unique_ptr<Recognizer>(open(limits, why));
}

} // namespace rollcoach
