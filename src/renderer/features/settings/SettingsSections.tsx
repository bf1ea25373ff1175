import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Settings' sections, in the order of the page and of its section list. */
export const SECTIONS = ['providers', 'network', 'appearance', 'library', 'updates', 'about'] as const;
export type SectionName = (typeof SECTIONS)[number];

const sectionId = (name: SectionName) => `settings-${name}`;

/** One section of Settings: its heading, then its content in a card (or its own cards, `plain`). */
export function SettingsSection({
  name,
  heading,
  plain,
  children,
}: {
  name: SectionName;
  heading: string;
  plain?: boolean;
  children: ReactNode;
}) {
  return (
    <section id={sectionId(name)} className="settings-section" aria-labelledby={`${sectionId(name)}-title`}>
      <h2 id={`${sectionId(name)}-title`} tabIndex={-1}>
        {heading}
      </h2>
      {plain ? children : <div className="card settings-card">{children}</div>}
    </section>
  );
}

/**
 * The list of Settings' sections beside them: a click (or Enter) scrolls its section into view and
 * moves the focus to its heading; the section in view is marked as current while the page scrolls.
 */
export function SettingsSectionList() {
  const { t } = useTranslation('settings');
  const [current, setCurrent] = useState<SectionName>('providers');
  // The section chosen from the list stays current while it is in view (the page's end may keep it below the top).
  const chosen = useRef<SectionName | null>(null);

  useEffect(() => {
    const scroller = document.querySelector<HTMLElement>('main.content');
    if (!scroller) return;
    const onScroll = () => {
      const box = scroller.getBoundingClientRect();
      const held = chosen.current && document.getElementById(sectionId(chosen.current))?.getBoundingClientRect();
      if (held && held.top < box.bottom && held.bottom > box.top) return;
      chosen.current = null;
      const top = box.top + 96;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      let inView: SectionName = 'providers';
      for (const name of SECTIONS) {
        const section = document.getElementById(sectionId(name));
        if (section && section.getBoundingClientRect().top <= top) inView = name;
      }
      setCurrent(atEnd && scroller.scrollTop > 0 ? SECTIONS.at(-1)! : inView);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, []);

  const show = (name: SectionName) => {
    const section = document.getElementById(sectionId(name));
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    chosen.current = name;
    setCurrent(name);
  };

  return (
    <nav className="settings-sections" aria-label={t('sections.label')}>
      <ul>
        {SECTIONS.map((name) => (
          <li key={name}>
            <button type="button" aria-current={name === current ? 'true' : undefined} onClick={() => show(name)}>
              {t(`sections.${name}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
