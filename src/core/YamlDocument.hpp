#pragma once

#include "Diagnostic.hpp"
#include "Translate.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// One node of a parsed YAML document, with where it starts in the text.
/// Aliases are not copied: an alias is the very node its anchor names, so a
/// "billion laughs" file stays as small in memory as it is on disk.
struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Map };
    Kind kind = Kind::Null;
    SourceMark mark;
    std::string value;  ///< scalars only
    bool plain = false; ///< an unquoted, untagged scalar
    std::vector<const YamlNode*> items;
    std::vector<std::pair<const YamlNode*, const YamlNode*>> entries; ///< maps, in file order
};

/// Bounds that keep a hostile file from costing more than a routine ever needs.
struct YamlLimits {
    std::size_t maxBytes = 512 * 1024;
    std::size_t maxDepth = 64;
    std::size_t maxNodes = 50000;
    const char* holder = _("a routine file"); ///< what the limits are of, in their messages
};

/// A single YAML document read with yaml-cpp's event parser. Problems (syntax, duplicate
/// keys, a second document, limits, bad bytes) are appended to the diagnostics; root() is
/// null when nothing usable was read.
class YamlDocument {
public:
    static YamlDocument parse(const std::string& text, Diagnostics& diagnostics,
                              const YamlLimits& limits = {});

    const YamlNode* root() const { return m_root; }

private:
    friend class YamlTreeBuilder;
    std::vector<std::unique_ptr<YamlNode>> m_nodes;
    const YamlNode* m_root = nullptr;
};

/// A word for what a node is, for messages: "a number", "a list", "a map", ...
std::string describeNode(const YamlNode& node);

/// Where the first byte that is not valid UTF-8 (or a NUL) sits, if any.
bool findBadByte(const std::string& text, SourceMark& where, std::string& what);

} // namespace rollcoach
