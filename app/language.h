#pragma once

#include <QString>
#include <QStringList>

/// Language switches the user interface between English (the source language) and
/// Simplified Chinese. The translations are compiled from resources/translations/*.ts
/// at build time and embedded in the program (":/i18n/raftviz_<code>.qm"); Qt's own
/// strings (standard buttons) come from Qt's translations when they are installed.
/// Installing a translator sends every widget a LanguageChange event, so the window
/// rewords itself at once.
class Language {
public:
    /// available lists the language codes: "en", "zh_CN".
    static QStringList available();
    /// systemDefault is "zh_CN" when the system locale is Chinese, else "en".
    static QString systemDefault();
    /// displayName names a language in itself: "English", "简体中文".
    static QString displayName(const QString &code);
    /// apply makes `code` the interface language; false if its translation is missing.
    static bool apply(const QString &code);
    /// current is the language last applied ("en" before any).
    static QString current();
};
