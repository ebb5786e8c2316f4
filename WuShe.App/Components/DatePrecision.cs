namespace WuShe.App.Components;

/// <summary>What a <see cref="DateField{TValue}"/> asks for: a day, a day with its time, or a month (填报期间).</summary>
public enum DatePrecision { Day, Minute, Month }
