import { useState } from 'react';
import { currentActor, setCurrentActor } from '../api/http';
import './ui.css';

/** Until accounts exist: the name sent with every change (and the owner of one's map layouts). */
export function ActorName() {
  const [name, setName] = useState(currentActor);
  return (
    <label className="actor">
      <span>You are</span>
      <input
        value={name}
        aria-label="Your name"
        onChange={(e) => setName(e.target.value)}
        onBlur={() => {
          const trimmed = name.trim();
          if (trimmed) setCurrentActor(trimmed);
          else setName(currentActor());
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}
