#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/// LessonCatalogue lists the lessons shipped with raftviz (the Scenarios menu): the
/// scenario scripts of one resource folder, English at its top and each translation in a
/// sub-folder named after its language (":/scenarios/zh_CN/split-vote.scenario"). A
/// lesson's title is read from its file: the first line, a comment such as
/// "# Leader Election (§5.2)", without the trailing reference to the paper. Lessons come
/// in teaching order; a lesson missing from it comes last, by name.
class LessonCatalogue {
public:
    /// Lesson is one shipped lesson: its name (the file's base name, "split-vote") and
    /// its English file.
    struct Lesson {
        QString name;
        QString path;
    };

    /// kRoot is where the program's lessons are embedded.
    static constexpr const char *kRoot = ":/scenarios";
    /// kSourceLanguage is the language of the files at the top of the folder.
    static constexpr const char *kSourceLanguage = "en";

    /// LessonCatalogue reads the lessons under `root` and the title of every file.
    explicit LessonCatalogue(const QString &root = QLatin1String(kRoot));

    /// lessons lists the lessons in teaching order.
    const QList<Lesson> &lessons() const { return m_lessons; }
    /// languages lists "en" and each language a translated lesson exists in.
    const QStringList &languages() const { return m_languages; }
    /// path is the lesson's file in `language`, or its English file if it has no such
    /// translation ("" for an unknown lesson).
    QString path(const QString &name, const QString &language) const;
    /// title is the lesson's title in `language` (the English one if untranslated; the
    /// name if its file has no title line).
    QString title(const QString &name, const QString &language) const;
    /// lessonOf names the lesson a file of the catalogue belongs to, in any language
    /// ("" if the file is not one of them).
    QString lessonOf(const QString &file) const;

    /// teachingOrder lists the lessons' names in the order they are taught.
    static const QStringList &teachingOrder();
    /// headerLine is a script's first line without its "#" if it is a comment ("" if not
    /// or if the file cannot be read).
    static QString headerLine(const QString &file);
    /// titleOf cuts a trailing reference to the paper, "(§5.2, §5.4)" or "（§5.2）", from
    /// a header line.
    static QString titleOf(const QString &header);

private:
    QString m_root;
    QList<Lesson> m_lessons;
    QStringList m_languages;
    /// m_titles: "language/name" → title.
    QHash<QString, QString> m_titles;
};
