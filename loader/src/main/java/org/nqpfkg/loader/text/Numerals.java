package org.nqpfkg.loader.text;

/** Chinese numerals as the texts write them: counted (十二 = 12) in list markers and plan numbers, digit by digit (二〇三五) in years. */
public final class Numerals {
    private Numerals() {}

    private static final String DIGITS = "〇一二三四五六七八九";

    /** One digit: 〇/零 (and the look-alike ○ or a Latin O in place of 〇) through 九; -1 for anything else. */
    public static int digit(int c) {
        if (c == '零' || c == '○' || c == 'O' || c == 'o' || c == '０') return 0;
        if (c == '两') return 2;
        return DIGITS.indexOf(c);
    }

    /** A counted number below 100 (九, 十, 十二, 二十, 二十三); -1 when the text is not one. */
    public static int counted(String s) {
        if (s.isEmpty()) return -1;
        int ten = s.indexOf('十');
        if (ten < 0) return s.length() == 1 ? digit(s.charAt(0)) : -1;
        if (ten > 1 || s.length() > ten + 2) return -1;
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int units = s.length() == ten + 2 ? digit(s.charAt(ten + 1)) : 0;
        return tens <= 0 || units < 0 ? -1 : tens * 10 + units;
    }

    /** Digits written one by one (二〇三五 = 2035, or 2035 itself); -1 when a character is not a digit. */
    public static int digitByDigit(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : digit(c);
            if (d < 0) return -1;
            n = n * 10 + d;
        }
        return s.isEmpty() ? -1 : n;
    }
}
