namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Parsing of the FHIR JSON forms, the FHIRPath literal forms and the string forms of the conversion functions.</summary>
public sealed partial class PartialDateTime
{
    /// <summary>The FHIR JSON form: <c>2014-01-25</c>, <c>2014-01-25T14:30:14.559+01:00</c>, <c>14:30:14</c>.</summary>
    /// <remarks>
    /// FHIR requires seconds and a zone once a time is given; FHIRPath values may be coarser, so <c>hh:mm</c> and a
    /// missing zone are accepted. A date-only text read as <see cref="TemporalKind.DateTime"/> gives a DateTime of day
    /// (or coarser) precision.
    /// </remarks>
    public static bool TryParse(string text, TemporalKind kind, out PartialDateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return false;
        var reader = new Reader(text);
        switch (kind)
        {
            case TemporalKind.Date:
                if (!reader.ReadDate(out var date) || !reader.AtEnd) return false;
                value = date.Build(TemporalKind.Date);
                return true;

            case TemporalKind.DateTime:
                if (!reader.ReadDate(out var dateTime)) return false;
                if (reader.TryRead('T'))
                {
                    if (dateTime.Precision != DateTimePrecision.Day || !reader.ReadTime(ref dateTime, minimum: DateTimePrecision.Minute)) return false;
                    if (!reader.AtEnd && !reader.ReadOffset(ref dateTime)) return false;
                }

                if (!reader.AtEnd) return false;
                value = dateTime.Build(TemporalKind.DateTime);
                return true;

            default:
                var time = default(Parts);
                if (!reader.ReadTime(ref time, minimum: DateTimePrecision.Minute) || !reader.AtEnd) return false;
                value = time.Build(TemporalKind.Time);
                return true;
        }
    }

    /// <summary>A FHIRPath literal without its <c>@</c>: <c>2014-01-25</c>, <c>2014-01-25T</c>, <c>2014-01-25T14:30Z</c>, <c>T14:30</c>.</summary>
    /// <remarks>Grammar (spec 2.1.1 / Appendix A): DATE, DATETIME = DATEFORMAT 'T' (TIMEFORMAT TIMEZONEOFFSETFORMAT?)?, TIME = 'T' TIMEFORMAT.</remarks>
    public static bool TryParseLiteral(string text, out PartialDateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return false;
        var reader = new Reader(text);
        if (reader.TryRead('T'))
        {
            var time = default(Parts);
            if (!reader.ReadTime(ref time, minimum: DateTimePrecision.Hour) || !reader.AtEnd) return false;
            value = time.Build(TemporalKind.Time);
            return true;
        }

        if (!reader.ReadDate(out var date)) return false;
        if (reader.AtEnd)
        {
            value = date.Build(TemporalKind.Date);
            return true;
        }

        if (!reader.TryRead('T')) return false;
        if (!reader.AtEnd)
        {
            // A time needs the full date before it: @2014T10 is not a literal.
            if (date.Precision != DateTimePrecision.Day || !reader.ReadTime(ref date, minimum: DateTimePrecision.Hour)) return false;
            if (!reader.AtEnd && !reader.ReadOffset(ref date)) return false;
            if (!reader.AtEnd) return false;
        }

        value = date.Build(TemporalKind.DateTime);
        return true;
    }

    /// <summary>
    /// The string forms accepted by <c>toDate()</c>, <c>toDateTime()</c> and <c>toTime()</c> (spec 5.5): the literal
    /// formats without the <c>@</c>. A DateTime may omit the <c>T</c>; a Time may omit its leading <c>T</c>.
    /// </summary>
    public static bool TryParseString(string text, TemporalKind kind, out PartialDateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return false;
        var reader = new Reader(text);
        switch (kind)
        {
            case TemporalKind.Date:
                if (!reader.ReadDate(out var date) || !reader.AtEnd) return false;
                value = date.Build(TemporalKind.Date);
                return true;

            case TemporalKind.DateTime:
                if (!reader.ReadDate(out var dateTime)) return false;
                if (reader.TryRead('T') && !reader.AtEnd)
                {
                    if (dateTime.Precision != DateTimePrecision.Day || !reader.ReadTime(ref dateTime, minimum: DateTimePrecision.Hour)) return false;
                    if (!reader.AtEnd && !reader.ReadOffset(ref dateTime)) return false;
                }

                if (!reader.AtEnd) return false;
                value = dateTime.Build(TemporalKind.DateTime);
                return true;

            default:
                reader.TryRead('T');
                var time = default(Parts);
                if (!reader.ReadTime(ref time, minimum: DateTimePrecision.Hour) || !reader.AtEnd) return false;
                value = time.Build(TemporalKind.Time);
                return true;
        }
    }

    /// <summary>The components read so far.</summary>
    private struct Parts
    {
        public DateTimePrecision Precision;
        public int Year, Month, Day, Hour, Minute, Second, Millisecond;
        public TimeSpan? Offset;

        public readonly PartialDateTime Build(TemporalKind kind) =>
            Create(kind, Precision, Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day, Hour, Minute, Second, Millisecond, Offset);
    }

    /// <summary>A cursor over the text; every Read method validates the ranges of what it reads.</summary>
    private ref struct Reader(string text)
    {
        private readonly string _text = text;
        private int _position;

        public readonly bool AtEnd => _position == _text.Length;

        public bool TryRead(char expected)
        {
            if (_position < _text.Length && _text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        /// <summary>YYYY(-MM(-DD)?)?, with month and day checked against the calendar (leap years included).</summary>
        public bool ReadDate(out Parts parts)
        {
            parts = default;
            if (!ReadDigits(4, out parts.Year) || parts.Year < 1) return false;
            parts.Precision = DateTimePrecision.Year;
            if (!PeekDashDigit()) return true;
            _position++;
            if (!ReadDigits(2, out parts.Month) || parts.Month is < 1 or > 12) return false;
            parts.Precision = DateTimePrecision.Month;
            if (!PeekDashDigit()) return true;
            _position++;
            if (!ReadDigits(2, out parts.Day) || parts.Day < 1 || parts.Day > DateTime.DaysInMonth(parts.Year, parts.Month)) return false;
            parts.Precision = DateTimePrecision.Day;
            return true;
        }

        /// <summary>hh(:mm(:ss(.f+)?)?)?; <paramref name="minimum"/> is the coarsest precision accepted.</summary>
        public bool ReadTime(ref Parts parts, DateTimePrecision minimum)
        {
            if (!ReadDigits(2, out parts.Hour) || parts.Hour > 23) return false;
            parts.Precision = DateTimePrecision.Hour;
            if (TryRead(':'))
            {
                if (!ReadDigits(2, out parts.Minute) || parts.Minute > 59) return false;
                parts.Precision = DateTimePrecision.Minute;
                if (TryRead(':'))
                {
                    if (!ReadDigits(2, out parts.Second) || parts.Second > 59) return false;
                    parts.Precision = DateTimePrecision.Second;
                    if (TryRead('.'))
                    {
                        if (!ReadFraction(out parts.Millisecond)) return false;
                        parts.Precision = DateTimePrecision.Millisecond;
                    }
                }
            }

            return parts.Precision >= minimum;
        }

        /// <summary>Z or (+|-)hh:mm, at most 14 hours either way.</summary>
        public bool ReadOffset(ref Parts parts)
        {
            if (TryRead('Z'))
            {
                parts.Offset = TimeSpan.Zero;
                return true;
            }

            int sign;
            if (TryRead('+')) sign = 1;
            else if (TryRead('-')) sign = -1;
            else return false;
            if (!ReadDigits(2, out var hours) || !TryRead(':') || !ReadDigits(2, out var minutes)) return false;
            if (minutes > 59 || hours * 60 + minutes > 14 * 60) return false;
            parts.Offset = TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
            return true;
        }

        private readonly bool PeekDashDigit() =>
            _position + 1 < _text.Length && _text[_position] == '-' && char.IsAsciiDigit(_text[_position + 1]);

        private bool ReadDigits(int count, out int number)
        {
            number = 0;
            if (_position + count > _text.Length) return false;
            for (var i = 0; i < count; i++)
            {
                var c = _text[_position + i];
                if (!char.IsAsciiDigit(c)) return false;
                number = number * 10 + (c - '0');
            }

            _position += count;
            return true;
        }

        /// <summary>One or more fraction digits as milliseconds: .5 is 500 ms, digits past the third are truncated.</summary>
        private bool ReadFraction(out int milliseconds)
        {
            milliseconds = 0;
            var digits = 0;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                if (digits < 3) milliseconds = milliseconds * 10 + (_text[_position] - '0');
                digits++;
                _position++;
            }

            for (var i = digits; i < 3; i++) milliseconds *= 10;
            return digits > 0;
        }
    }
}
