// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/NormKind.h"

namespace vd {

const char* normKindName(NormKind kind)
{
    switch (kind) {
    case NormKind::Group:
        return "group";
    case NormKind::Channel:
        return "channel";
    case NormKind::None:
        return "none";
    }
    return "none";
}

bool parseNormKind(const std::string& name, NormKind& out)
{
    if (name == "group") {
        out = NormKind::Group;
    } else if (name == "channel") {
        out = NormKind::Channel;
    } else if (name == "none") {
        out = NormKind::None;
    } else {
        return false;
    }
    return true;
}

} // namespace vd
