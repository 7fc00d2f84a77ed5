#pragma once

#include <QIcon>

/// Icons paints the window's own icons with the cluster view's glyphs
/// (widgets::ClusterPalette), so that a toolbar button looks like what it acts on:
/// a crashed server, a client request, two candidates, a healed link.
class Icons {
public:
    /// application is the program's icon: five servers on a ring, one leading.
    static QIcon application();
    static QIcon clientRequest();
    static QIcon crash();
    static QIcon splitVote();
    static QIcon heal();
    static QIcon newCluster();
    static QIcon legend();
};
