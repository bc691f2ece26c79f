import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code that Intl knows (so the web app can format it): `GBP`, `EUR`, `USD`… */
@ValidatorConstraint({ name: 'isCurrencyCode' })
export class IsCurrencyCode implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
  }

  defaultMessage(): string {
    return 'currency must be an ISO 4217 code such as GBP, EUR or USD';
  }
}

/** A BCP 47 locale in its canonical spelling that Intl can format for: `en-GB`, `de-DE`, `fr`… */
@ValidatorConstraint({ name: 'isLocale' })
export class IsLocale implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 35) return false;
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      return canonical === value && Intl.DateTimeFormat.supportedLocalesOf([value]).length === 1;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'locale must be a BCP 47 locale such as en-GB, de-DE or fr-FR';
  }
}
