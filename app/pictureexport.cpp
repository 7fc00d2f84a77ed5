#include "pictureexport.h"

#include "widgets/clusterview.h"
#include "widgets/logview.h"
#include "widgets/spacetimeview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontInfo>
#include <QHash>
#include <QHeaderView>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTableView>
#include <QXmlStreamWriter>

#include <cmath>
#include <cstdint>

#include <zlib.h>

namespace PictureExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PictureExport", text);
}

QString serverId(raft::NodeId id)
{
    return QStringLiteral("server-") + QString::fromStdString(raft::nodeName(id));
}

QString messageId(std::uint64_t id)
{
    return QStringLiteral("message-%1").arg(id);
}

/// withFallbackFonts gives each font-family of svg the family it resolves to here and
/// the generic sans-serif after it: QSvgGenerator writes the family asked for ("Sans
/// Serif", a name only fontconfig knows), and a slide tool elsewhere would otherwise
/// fall back to a serif font (it finds Chinese glyphs in its own sans-serif font).
QByteArray withFallbackFonts(QByteArray svg)
{
    static const QByteArray kAttribute("font-family=\"");
    QHash<QByteArray, QByteArray> done;
    for (qsizetype at = svg.indexOf(kAttribute); at >= 0; at = svg.indexOf(kAttribute, at)) {
        at += kAttribute.size();
        const qsizetype end = svg.indexOf('"', at);
        if (end < 0)
            break;
        const QByteArray family = svg.mid(at, end - at);
        auto it = done.find(family);
        if (it == done.end()) {
            QByteArray list = family;
            const QByteArray resolved = QFontInfo(QFont(QString::fromUtf8(family))).family().toUtf8();
            if (!resolved.isEmpty() && resolved != family && !resolved.contains('"') && !resolved.contains('&')
                && !resolved.contains('<'))
                list += ", " + resolved;
            it = done.insert(family, list + ", sans-serif");
        }
        svg.replace(at, end - at, *it);
        at += it->size() + 1;
    }
    return svg;
}

// --- PNG chunks -------------------------------------------------------------------------

/// chunkCrc is the CRC-32 of a PNG chunk's type and data (ISO 3309), as zlib computes it.
std::uint32_t chunkCrc(const QByteArray &bytes)
{
    return static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(bytes.constData()),
                                            static_cast<uInt>(bytes.size())));
}

void putU32(QByteArray &out, std::uint32_t v)
{
    out.append(static_cast<char>((v >> 24) & 0xFF));
    out.append(static_cast<char>((v >> 16) & 0xFF));
    out.append(static_cast<char>((v >> 8) & 0xFF));
    out.append(static_cast<char>(v & 0xFF));
}

void putU16(QByteArray &out, std::uint16_t v)
{
    out.append(static_cast<char>((v >> 8) & 0xFF));
    out.append(static_cast<char>(v & 0xFF));
}

std::uint32_t getU32(const QByteArray &in, qsizetype at)
{
    std::uint32_t v = 0;
    for (qsizetype i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<std::uint8_t>(in[at + i]);
    return v;
}

void putChunk(QByteArray &out, const char *type, const QByteArray &data)
{
    putU32(out, static_cast<std::uint32_t>(data.size()));
    QByteArray body(type, 4);
    body.append(data);
    out.append(body);
    putU32(out, chunkCrc(body));
}

struct Chunk {
    QByteArray type;
    QByteArray data;
};

const QByteArray kSignature("\x89PNG\r\n\x1a\n", 8);

/// chunksOf splits a PNG file into its chunks (empty if it is not one).
QList<Chunk> chunksOf(const QByteArray &png)
{
    QList<Chunk> chunks;
    if (!png.startsWith(kSignature))
        return chunks;
    qsizetype at = kSignature.size();
    while (at + 12 <= png.size()) {
        const auto length = static_cast<qsizetype>(getU32(png, at));
        if (at + 12 + length > png.size())
            return {};
        chunks.append(Chunk{png.mid(at + 4, 4), png.mid(at + 8, length)});
        at += 12 + length;
    }
    return chunks;
}

} // namespace

std::optional<View> viewFromName(const QString &name)
{
    if (name == QLatin1String("window"))
        return View::Window;
    if (name == QLatin1String("cluster"))
        return View::Cluster;
    if (name == QLatin1String("spacetime") || name == QLatin1String("space-time"))
        return View::SpaceTime;
    if (name == QLatin1String("log"))
        return View::Log;
    return std::nullopt;
}

QList<Anchor> anchorsOf(const QWidget *widget)
{
    QList<Anchor> anchors;
    if (const auto *cluster = qobject_cast<const widgets::ClusterView *>(widget)) {
        const raft::Simulation *sim = cluster->simulation();
        if (!sim)
            return anchors;
        const double r = cluster->nodeRadius();
        for (raft::NodeId id = 1; id <= sim->size(); ++id) {
            const QPointF c = cluster->nodeCenter(id);
            anchors.append(
                {serverId(id), QStringLiteral("raftviz-server"), QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)});
        }
        for (const raft::Envelope *e : sim->network().envelopes())
            if (const auto at = cluster->messagePosition(e->id))
                anchors.append({messageId(e->id), QStringLiteral("raftviz-message"), QRectF(*at, QSizeF(0, 0))});
    } else if (const auto *spaceTime = qobject_cast<const widgets::SpaceTimeView *>(widget)) {
        const QRectF plot = spaceTime->plotRect();
        for (raft::NodeId id = 1; id <= spaceTime->model().lanes(); ++id) {
            const double y = spaceTime->laneY(id);
            anchors.append(
                {serverId(id), QStringLiteral("raftviz-server"), QRectF(plot.left(), y, plot.width(), 0), true});
        }
        for (const widgets::SpaceTimeArrow &a : spaceTime->arrows())
            anchors.append({messageId(a.id), QStringLiteral("raftviz-message"), QRectF(a.from, a.to), true});
    } else if (const auto *log = qobject_cast<const widgets::LogView *>(widget)) {
        const QTableView *table = log->table();
        const QAbstractItemModel *model = table->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            const QRect cell = table->visualRect(model->index(row, 0));
            const QPoint topLeft = table->viewport()->mapTo(log, cell.topLeft());
            anchors.append({serverId(row + 1), QStringLiteral("raftviz-server"),
                            QRectF(QPointF(topLeft), QSizeF(table->viewport()->width(), cell.height()))});
        }
    }
    return anchors;
}

QImage renderImage(QWidget *widget, double scale)
{
    QImage image(widget->size() * scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    if (const auto *spaceTime = qobject_cast<const widgets::SpaceTimeView *>(widget)) {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        spaceTime->paintDiagram(painter, widget->size());
    } else {
        widget->render(&image);
    }
    return image;
}

QByteArray svgOf(QWidget *widget, const QString &title)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title.isEmpty() ? QStringLiteral("raftviz") : title);
    generator.setDescription(QStringLiteral("raftviz, the Raft classroom"));
    {
        QPainter painter(&generator);
        if (const auto *spaceTime = qobject_cast<const widgets::SpaceTimeView *>(widget))
            spaceTime->paintDiagram(painter, widget->size());
        else
            widget->render(&painter);
    }
    QByteArray svg = withFallbackFonts(buffer.data());
    // The index of what the picture shows, invisible, just before </svg>.
    QByteArray index;
    QXmlStreamWriter xml(&index);
    xml.writeStartElement(QStringLiteral("g"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("raftviz-index"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    xml.writeAttribute(QStringLiteral("stroke"), QStringLiteral("none"));
    for (const Anchor &a : anchorsOf(widget)) {
        xml.writeStartElement(a.line ? QStringLiteral("line") : QStringLiteral("rect"));
        xml.writeAttribute(QStringLiteral("id"), a.id);
        xml.writeAttribute(QStringLiteral("class"), a.cssClass);
        const auto num = [](double v) { return QString::number(v, 'f', 1); };
        if (a.line) {
            xml.writeAttribute(QStringLiteral("x1"), num(a.rect.left()));
            xml.writeAttribute(QStringLiteral("y1"), num(a.rect.top()));
            xml.writeAttribute(QStringLiteral("x2"), num(a.rect.right()));
            xml.writeAttribute(QStringLiteral("y2"), num(a.rect.bottom()));
        } else {
            xml.writeAttribute(QStringLiteral("x"), num(a.rect.x()));
            xml.writeAttribute(QStringLiteral("y"), num(a.rect.y()));
            xml.writeAttribute(QStringLiteral("width"), num(a.rect.width()));
            xml.writeAttribute(QStringLiteral("height"), num(a.rect.height()));
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (end >= 0)
        svg.insert(end, index + '\n');
    return svg;
}

QString saveBytes(const QByteArray &data, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString save(QWidget *widget, const QString &path, double scale, const QString &title)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return saveBytes(svgOf(widget, title), path);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!renderImage(widget, scale).save(&buffer, "PNG"))
        return tr("Cannot make the picture for %1").arg(QDir::toNativeSeparators(path));
    return saveBytes(png, path);
}

QByteArray encodeApng(const QList<QImage> &frames, int fps, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return QByteArray();
    };
    if (frames.isEmpty())
        return fail(tr("There are no frames to write."));
    if (fps < 1 || fps > 100)
        return fail(tr("The frame rate must be from 1 to 100 frames a second."));
    QByteArray out = kSignature;
    std::uint32_t sequence = 0;
    QByteArray header;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QImage frame = frames[i].convertToFormat(QImage::Format_RGB32);
        if (frame.size() != frames.front().size())
            return fail(tr("Frame %1 has another size than the first.").arg(i + 1));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!frame.save(&buffer, "PNG"))
            return fail(tr("Frame %1 cannot be made into a PNG.").arg(i + 1));
        const QList<Chunk> chunks = chunksOf(png);
        if (chunks.isEmpty() || chunks.front().type != "IHDR")
            return fail(tr("Frame %1 cannot be made into a PNG.").arg(i + 1));
        if (i == 0) {
            // One header for all; the animation control chunk says how many frames.
            header = chunks.front().data;
            putChunk(out, "IHDR", header);
            QByteArray actl;
            putU32(actl, static_cast<std::uint32_t>(frames.size()));
            putU32(actl, 0); // loop for ever
            putChunk(out, "acTL", actl);
        } else if (chunks.front().data != header) {
            return fail(tr("Frame %1 has another pixel format than the first.").arg(i + 1));
        }
        QByteArray fctl;
        putU32(fctl, sequence++);
        putU32(fctl, static_cast<std::uint32_t>(frame.width()));
        putU32(fctl, static_cast<std::uint32_t>(frame.height()));
        putU32(fctl, 0);
        putU32(fctl, 0);
        putU16(fctl, 1);
        putU16(fctl, static_cast<std::uint16_t>(fps));
        fctl.append(char(0)); // dispose: none
        fctl.append(char(0)); // blend: source
        putChunk(out, "fcTL", fctl);
        for (const Chunk &chunk : chunks) {
            if (chunk.type != "IDAT")
                continue;
            if (i == 0) {
                putChunk(out, "IDAT", chunk.data);
            } else {
                QByteArray fdat;
                putU32(fdat, sequence++);
                fdat.append(chunk.data);
                putChunk(out, "fdAT", fdat);
            }
        }
    }
    putChunk(out, "IEND", {});
    return out;
}

} // namespace PictureExport
