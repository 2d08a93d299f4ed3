// Renders a screen the way the app does: inside Fluent's provider and the UpsProvider holding the (fake) API.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { UpsApi } from '../../core/contract';
import { UpsProvider } from '../ups-context';

export const renderWithUps = (api: UpsApi, node: ReactNode) =>
  render(
    <UpsProvider api={api}>
      <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
    </UpsProvider>,
  );
